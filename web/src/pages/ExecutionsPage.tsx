// Execution history: filters (workflow, status, time range) kept in the URL, paging, per-row control
// (open in the designer, cancel, retry, signal) and, with a workflow selected, its statistics.
import { Field } from "../components/Field";
import { useCallback, useEffect, useRef, useState } from "react";
import { controlExecution, isTerminal, listExecutions } from "../api/executions";
import { listWorkflows } from "../api/workflows";
import type { ExecutionSummary, WorkflowSummary } from "../api/types";
import { navigate, useLocation } from "../router";
import { StatusBadge } from "../components/StatusBadge";
import { ErrorText } from "../components/ErrorText";
import { SignalDialog } from "../components/SignalDialog";
import { StatsPanel } from "../components/StatsPanel";
import { useWorkflowEvents } from "../components/useWorkflowEvents";
import { formatDuration, formatTime } from "../components/format";
import { rangeBounds, ranges } from "../components/timeRange";
import { SelectField } from "../components/SelectField";

const executionStatuses = ["running", "waiting", "paused", "completed", "failed", "cancelled"];
const pageSize = 25;

export function ExecutionsPage() {
  const { search } = useLocation();
  const workflowId = search.get("workflowId") ?? "";
  const status = search.get("status") ?? "";
  const range = search.get("range") ?? "";
  const from = search.get("from") ?? "";
  const to = search.get("to") ?? "";

  const setFilter = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) v ? next.set(k, v) : next.delete(k);
    const text = next.toString();
    navigate(`/executions${text ? `?${text}` : ""}`, true);
  };

  const [workflows, setWorkflows] = useState<WorkflowSummary[]>([]);
  const [items, setItems] = useState<ExecutionSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [signalFor, setSignalFor] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const loaded = useRef(0);

  useEffect(() => {
    listWorkflows()
      .then((p) => setWorkflows(p.items))
      .catch(() => undefined);
  }, []);

  const filter = useCallback(
    () => ({ workflowId, status, ...rangeBounds(range, from, to) }),
    [workflowId, status, range, from, to],
  );

  // A new filter starts from one page again (declared first: effects run in order).
  useEffect(() => {
    loaded.current = 0;
    setItems(null);
  }, [workflowId, status, range, from, to]);

  // First page (or, on refresh, as many rows as are loaded so "Load more" pages are kept).
  useEffect(() => {
    const abort = new AbortController();
    const limit = Math.min(Math.max(pageSize, loaded.current), 200);
    listExecutions({ ...filter(), limit }, abort.signal)
      .then((page) => {
        setItems(page.items);
        setCursor(page.nextCursor);
        loaded.current = page.items.length;
        setError(null);
      })
      .catch((e) => !abort.signal.aborted && setError(e));
    return () => abort.abort();
  }, [filter, tick]);

  // While something is still moving, refresh: often for running rows, rarely for ones parked waiting or paused.
  // With a workflow selected the hub pushes its status changes; polling stays as the fallback and the safety net.
  const live = useWorkflowEvents(workflowId, () => setTick((n) => n + 1));
  const running = items?.some((e) => e.status === "running");
  const every = running ? (live ? 10000 : 3000) : items?.some((e) => !isTerminal(e.status)) ? 15000 : 0;
  useEffect(() => {
    if (!every) return;
    const t = setInterval(() => setTick((n) => n + 1), every);
    return () => clearInterval(t);
  }, [every]);

  const loadMore = async () => {
    try {
      const page = await listExecutions({ ...filter(), limit: pageSize, cursor });
      setItems((old) => {
        const merged = [...(old ?? []), ...page.items.filter((e) => !old?.some((o) => o.id === e.id))];
        loaded.current = merged.length;
        return merged;
      });
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    }
  };

  const control = async (id: string, action: "cancel" | "retry") => {
    setBusyId(id);
    setError(null);
    try {
      await controlExecution(id, action);
      setTick((n) => n + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusyId(null);
    }
  };

  const open = (e: ExecutionSummary) => navigate(`/workflows/${encodeURIComponent(e.workflowId)}?execution=${encodeURIComponent(e.id)}`);
  const names = new Map(workflows.map((w) => [w.id, w.name]));

  return (
    <main className="page" aria-labelledby="executions-title">
      <div className="page-header">
        <h1 id="executions-title">Executions</h1>
        <div className="inline-field">
          {workflowId && (
            <span className="muted small" data-testid="live-state" data-live={live}>
              {live ? "Live" : "Polling"}
            </span>
          )}
          <button type="button" onClick={() => setTick((n) => n + 1)} data-action="refresh">
            Refresh
          </button>
        </div>
      </div>
      <div className="toolbar" role="group" aria-label="Filters">
        <SelectField label="Workflow" value={workflowId} onChange={(value) => setFilter({ workflowId: value })} options={workflows.map((w) => ({ value: w.id, label: w.name }))} placeholder="All workflows" testId="filter-workflow" />
        <SelectField label="Status" value={status} onChange={(value) => setFilter({ status: value })} options={executionStatuses.map((s) => ({ value: s, label: s }))} placeholder="Any" testId="filter-status" />
        <SelectField label="Time range" value={range} onChange={(value) => setFilter({ range: value })} options={ranges} testId="filter-range" />
        {range === "custom" && (
          <>
            <Field label="From" className="field">
              {(id) => (
                <input id={id} type="datetime-local" value={from} onChange={(e) => setFilter({ from: e.target.value })} />
              )}
            </Field>
            <Field label="To" className="field">
              {(id) => (
                <input id={id} type="datetime-local" value={to} onChange={(e) => setFilter({ to: e.target.value })} />
              )}
            </Field>
          </>
        )}
      </div>

      {workflowId && <StatsPanel workflowId={workflowId} refreshKey={tick} />}

      <ErrorText error={error} />
      {items === null ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="empty" data-testid="executions-empty">
          No executions match these filters.
        </p>
      ) : (
        <table className="table executions" data-testid="execution-table">
          <caption className="visually-hidden">Executions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Workflow</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">Trigger</th>
              <th scope="col">Error</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr
                key={e.id}
                data-execution-id={e.id}
                data-workflow-id={e.workflowId}
                data-status={e.status}
                className="clickable"
                aria-busy={busyId === e.id || undefined}
                onClick={(ev) => {
                  if (!(ev.target as HTMLElement).closest("button, a, input, select")) open(e);
                }}
              >
                <td>
                  <StatusBadge status={e.status} />
                </td>
                <th scope="row">
                  <a
                    href={`/workflows/${encodeURIComponent(e.workflowId)}?execution=${encodeURIComponent(e.id)}`}
                    data-action="open-execution"
                    onClick={(ev) => {
                      if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
                      ev.preventDefault();
                      open(e);
                    }}
                  >
                    {e.workflowName ?? names.get(e.workflowId) ?? e.workflowId}
                  </a>
                  <div className="muted small mono">
                    v{e.workflowVersion} · {e.id.slice(0, 8)}
                  </div>
                </th>
                <td title={e.startedAt}>{formatTime(e.startedAt)}</td>
                <td>{isTerminal(e.status) ? formatDuration(e.durationMs) : <span className="muted">{e.status}…</span>}</td>
                <td>{e.triggeredBy}</td>
                <td className="error-cell">{e.error ? <span title={e.error.code}>{e.error.message}</span> : null}</td>
                <td className="row-actions">
                  {(e.status === "running" || e.status === "waiting" || e.status === "paused") && (
                    <button type="button" data-action="cancel" disabled={busyId === e.id} onClick={() => control(e.id, "cancel")}>
                      Cancel
                    </button>
                  )}
                  {(e.status === "failed" || e.status === "cancelled") && (
                    <button type="button" data-action="retry" disabled={busyId === e.id} onClick={() => control(e.id, "retry")}>
                      Retry
                    </button>
                  )}
                  {e.status === "waiting" && (
                    <button type="button" data-action="signal" onClick={() => setSignalFor(e.id)}>
                      Signal…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && items && items.length > 0 && (
        <button type="button" onClick={loadMore} data-action="load-more" className="load-more">
          Load more
        </button>
      )}
      {signalFor && (
        <SignalDialog
          executionId={signalFor}
          onClose={() => setSignalFor(null)}
          onDone={() => {
            setSignalFor(null);
            setTick((n) => n + 1);
          }}
        />
      )}
    </main>
  );
}

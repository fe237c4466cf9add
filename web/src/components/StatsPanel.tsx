// Per-workflow statistics: success rate, avg/p95 duration, and the slowest nodes (the bottlenecks).
import { useEffect, useState } from "react";
import { workflowStats } from "../api/workflows";
import type { WorkflowStats } from "../api/types";
import { formatDuration, formatPercent } from "./format";
import { SelectField } from "./SelectField";

const periods = [
  { value: "1h", label: "Last hour" },
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
];

export function StatsPanel({ workflowId, refreshKey }: { workflowId: string; refreshKey?: number }) {
  const [period, setPeriod] = useState("24h");
  const [stats, setStats] = useState<WorkflowStats | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "unavailable">("loading");

  useEffect(() => {
    const abort = new AbortController();
    setState((s) => (s === "ready" ? s : "loading"));
    workflowStats(workflowId, period, abort.signal)
      .then((s) => {
        if (!s || typeof s !== "object" || typeof s.total !== "number") throw new Error("unexpected stats");
        setStats(s);
        setState("ready");
      })
      .catch(() => {
        if (abort.signal.aborted) return;
        setStats(null);
        setState("unavailable");
      });
    return () => abort.abort();
  }, [workflowId, period, refreshKey]);

  const slowest = [...(stats?.nodes ?? [])]
    .sort((a, b) => (b.p95DurationMs ?? b.avgDurationMs ?? 0) - (a.p95DurationMs ?? a.avgDurationMs ?? 0))
    .slice(0, 8);

  return (
    <section className="panel stats" aria-labelledby="stats-title" data-testid="stats-panel" data-state={state}>
      <div className="panel-header">
        <h2 id="stats-title">Workflow statistics</h2>
        <SelectField label="Period" className="inline-field" value={period} onChange={(value) => setPeriod(value)} options={periods} />
      </div>
      {state === "loading" && <p className="muted">Loading statistics…</p>}
      {state === "unavailable" && (
        <p className="muted" data-testid="stats-unavailable">
          Stats unavailable.
        </p>
      )}
      {state === "ready" && stats && (
        <>
          <dl className="metrics">
            <div>
              <dt>Runs</dt>
              <dd data-metric="total">{stats.total}</dd>
            </div>
            <div>
              <dt>Success rate</dt>
              <dd data-metric="success-rate">{formatPercent(stats.successRate)}</dd>
            </div>
            <div>
              <dt>Avg duration</dt>
              <dd data-metric="avg">{formatDuration(stats.avgDurationMs)}</dd>
            </div>
            <div>
              <dt>p95 duration</dt>
              <dd data-metric="p95">{formatDuration(stats.p95DurationMs)}</dd>
            </div>
            {Object.entries(stats.byStatus ?? {}).map(([status, n]) => (
              <div key={status}>
                <dt>{status}</dt>
                <dd>{n}</dd>
              </div>
            ))}
          </dl>
          {slowest.length > 0 ? (
            <table className="table compact" data-testid="slowest-nodes">
              <caption>Slowest nodes</caption>
              <thead>
                <tr>
                  <th scope="col">Node</th>
                  <th scope="col">Runs</th>
                  <th scope="col">Avg</th>
                  <th scope="col">p95</th>
                  <th scope="col">Failures</th>
                </tr>
              </thead>
              <tbody>
                {slowest.map((n) => (
                  <tr key={n.nodeId} data-node-id={n.nodeId}>
                    <th scope="row">{n.nodeId}</th>
                    <td>{n.count}</td>
                    <td>{formatDuration(n.avgDurationMs)}</td>
                    <td>{formatDuration(n.p95DurationMs)}</td>
                    <td>{n.failures}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No node timings in this period.</p>
          )}
        </>
      )}
    </section>
  );
}

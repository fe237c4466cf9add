// The workflows of the tenant: search, status filter, last run, create, duplicate, delete.
import { Field } from "../components/Field";
import { useCallback, useEffect, useState } from "react";
import { createWorkflow, blankWorkflow, deleteWorkflow, duplicateWorkflow, listWorkflows, setWorkflowStatus } from "../api/workflows";
import type { WorkflowSummary } from "../api/types";
import { navigate } from "../router";
import { Link } from "../components/Link";
import { StatusBadge } from "../components/StatusBadge";
import { ErrorText } from "../components/ErrorText";
import { NameDialog } from "../components/NameDialog";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { LastRunCell } from "../components/LastRunCell";
import { relativeTime } from "../components/format";
import { SelectField } from "../components/SelectField";

const statuses = ["draft", "active", "paused", "archived"] as const;

export function WorkflowListPage() {
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState("");
  const [items, setItems] = useState<WorkflowSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<WorkflowSummary | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  // Debounce typing; the API filters by name (case-insensitive contains).
  useEffect(() => {
    const t = setTimeout(() => setQuery(search.trim()), 200);
    return () => clearTimeout(t);
  }, [search]);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    listWorkflows({ search: query, status }, abort.signal)
      .then((page) => {
        setItems(page.items);
        setCursor(page.nextCursor);
      })
      .catch((e) => !abort.signal.aborted && setError(e));
    return () => abort.abort();
  }, [query, status, reload]);

  const loadMore = async () => {
    try {
      const page = await listWorkflows({ search: query, status, cursor });
      setItems((old) => [...(old ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    }
  };

  const act = useCallback(async (id: string, fn: () => Promise<unknown>) => {
    setBusyId(id);
    setError(null);
    try {
      await fn();
      setReload((n) => n + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusyId(null);
    }
  }, []);

  return (
    <main className="page" aria-labelledby="workflows-title">
      <div className="page-header">
        <h1 id="workflows-title">Workflows</h1>
        <button type="button" className="primary" data-action="new-workflow" onClick={() => setCreating(true)}>
          New workflow
        </button>
      </div>
      <div className="toolbar" role="search">
        <Field label="Search" className="field">
          {(id) => (
            <input id={id} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name contains…" data-testid="workflow-search" />
          )}
        </Field>
        <SelectField label="Status" value={status} onChange={(value) => setStatus(value)} options={statuses.map((s) => ({ value: s, label: s }))} placeholder="Any" />
      </div>
      <ErrorText error={error} />
      {items === null ? (
        <p className="muted" aria-live="polite">
          Loading…
        </p>
      ) : items.length === 0 ? (
        <p className="empty" data-testid="workflows-empty">
          {query || status ? "No workflow matches." : "No workflows yet. Create one to start."}
        </p>
      ) : (
        <table className="table" data-testid="workflow-table">
          <caption className="visually-hidden">Workflows</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Version</th>
              <th scope="col">Updated</th>
              <th scope="col">Last run</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((w) => (
              <tr key={w.id} data-workflow-id={w.id} data-workflow-name={w.name} aria-busy={busyId === w.id || undefined}>
                <th scope="row">
                  <Link href={`/workflows/${encodeURIComponent(w.id)}`} data-action="open-workflow">
                    {w.name}
                  </Link>
                  {w.description && <div className="muted small">{w.description}</div>}
                </th>
                <td>
                  <StatusBadge status={w.status} kind="workflow" />
                </td>
                <td>v{w.version}</td>
                <td title={w.updatedAt}>{relativeTime(w.updatedAt)}</td>
                <LastRunCell workflowId={w.id} />
                <td className="row-actions">
                  {w.status === "active" ? (
                    <button type="button" onClick={() => act(w.id, () => setWorkflowStatus(w.id, "pause"))} aria-label={`Pause ${w.name}`}>
                      Pause
                    </button>
                  ) : w.status !== "archived" ? (
                    <button type="button" onClick={() => act(w.id, () => setWorkflowStatus(w.id, "activate"))} aria-label={`Activate ${w.name}`}>
                      Activate
                    </button>
                  ) : null}
                  <button
                    type="button"
                    data-action="duplicate-workflow"
                    aria-label={`Duplicate ${w.name}`}
                    onClick={() => act(w.id, () => duplicateWorkflow(w.id))}
                  >
                    Duplicate
                  </button>
                  <button type="button" className="danger" data-action="delete-workflow" aria-label={`Delete ${w.name}`} onClick={() => setDeleting(w)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" onClick={loadMore} data-action="load-more">
          Load more
        </button>
      )}
      {creating && (
        <NameDialog
          title="New workflow"
          submitLabel="Create"
          onClose={() => setCreating(false)}
          onSubmit={async (name) => {
            const created = await createWorkflow(blankWorkflow(name));
            setCreating(false);
            navigate(`/workflows/${encodeURIComponent(created.id!)}`);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete workflow"
          message={`Delete “${deleting.name}”? Its versions go with it; past executions stay in the history.`}
          confirmLabel="Delete"
          danger
          busy={busyId === deleting.id}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const w = deleting;
            await act(w.id, () => deleteWorkflow(w.id));
            setDeleting(null);
          }}
        />
      )}
    </main>
  );
}

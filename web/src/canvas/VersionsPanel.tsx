// Version history: list saved versions, view one, restore its definition into the canvas as an unsaved change.
import { useEffect, useState } from "react";
import { api, ApiError } from "../api/client";
import { useDesigner } from "../store";
import type { WorkflowDocument } from "./types";

interface VersionInfo {
  version: number;
  savedAt: string;
}

export function VersionsPanel({ onClose }: { onClose: () => void }) {
  const workflowId = useDesigner((s) => s.workflowId);
  const current = useDesigner((s) => s.version);
  const [items, setItems] = useState<VersionInfo[] | null>(null);
  const [viewing, setViewing] = useState<WorkflowDocument | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!workflowId) return;
    api<{ items: VersionInfo[] }>(`/api/workflows/${encodeURIComponent(workflowId)}/versions`)
      .then((r) => setItems([...r.items].sort((a, b) => b.version - a.version)))
      .catch((e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [workflowId, current]);

  const view = async (v: number) => {
    setError(null);
    try {
      setViewing(await api<WorkflowDocument>(`/api/workflows/${encodeURIComponent(workflowId!)}/versions/${v}`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const restore = () => {
    if (!viewing) return;
    useDesigner.getState().restoreDefinition(viewing.definition);
    onClose();
  };

  return (
    <section className="wf-versions" data-testid="versions" aria-label="Version history">
      <header className="wf-row">
        <h2 className="wf-panel-title">Versions</h2>
        <button type="button" className="wf-btn wf-btn--small" onClick={onClose} aria-label="Close version history">Close</button>
      </header>
      {error && <p className="wf-error" role="alert">{error}</p>}
      {!items && !error && <p className="wf-muted">Loading…</p>}
      <ul role="list" className="wf-versions__list">
        {items?.map((v) => (
          <li key={v.version} data-version={v.version}>
            <button type="button" className={`wf-version${viewing?.version === v.version ? " is-active" : ""}`} onClick={() => view(v.version)} aria-pressed={viewing?.version === v.version}>
              <strong>v{v.version}</strong>
              {v.version === current && <span className="wf-muted"> (current)</span>}
              <span className="wf-muted wf-small"> {new Date(v.savedAt).toLocaleString()}</span>
            </button>
          </li>
        ))}
      </ul>
      {viewing && (
        <div className="wf-version-view" data-testid="version-view">
          <p>
            v{viewing.version}: {viewing.definition.nodes.length} nodes, {viewing.definition.edges.length} edges
          </p>
          <details>
            <summary>Definition JSON</summary>
            <pre className="wf-json" tabIndex={0}>{JSON.stringify(viewing.definition, null, 2)}</pre>
          </details>
          <button type="button" className="wf-btn wf-btn--primary" data-action="restore-version" onClick={restore}>
            Restore v{viewing.version} into the canvas
          </button>
          <p className="wf-muted wf-small">Restoring is an unsaved change: save to make it the newest version; undo to go back.</p>
        </div>
      )}
    </section>
  );
}

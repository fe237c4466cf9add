// Side panel summary of the execution on the canvas (shown when no single node is selected).
import { useDesigner } from "../store";
import { isTerminal } from "./merge";

export function ExecutionSummary() {
  const view = useDesigner((s) => s.runView);
  if (!view) return null;
  const duration = view.startedAt && view.completedAt ? Date.parse(view.completedAt) - Date.parse(view.startedAt) : null;
  return (
    <section className="wf-inspector" data-testid="execution-summary" data-status={view.status} aria-label="Execution result">
      <h3 className="wf-section-title">
        Execution <span className="wf-status-pill" data-status={view.status}>{view.status}</span>
      </h3>
      <dl className="wf-inspector__facts">
        <dt>Id</dt>
        <dd><code className="wf-small">{view.executionId}</code></dd>
        {view.startedAt && (<><dt>Started</dt><dd>{new Date(view.startedAt).toLocaleString()}</dd></>)}
        {duration != null && (<><dt>Duration</dt><dd>{duration} ms</dd></>)}
      </dl>
      {view.error && (
        <div className="wf-inspector__error" role="alert">
          <strong>{view.error.code ?? "error"}</strong>: {view.error.message}
          {view.error.nodeId ? ` (node ${view.error.nodeId})` : ""}
        </div>
      )}
      {isTerminal(view.status) && view.result !== undefined && view.result !== null && (
        <details open>
          <summary>Result</summary>
          <pre className="wf-json" tabIndex={0}>{JSON.stringify(view.result, null, 2)}</pre>
        </details>
      )}
      <p className="wf-muted wf-small">Select a node to see its output.</p>
    </section>
  );
}

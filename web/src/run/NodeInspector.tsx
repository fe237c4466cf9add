// Run data of one node: input (recorded, else what its completed predecessors passed it), output, error; a signal form for a waiting `wait` node.
import { useState } from "react";
import { api, ApiError } from "../api/client";
import { useDesigner } from "../store";
import { nodeStatus } from "./overlay";
import { deriveNodeInput } from "./input";
import { refreshExecution } from "./watcher";
import "./run.css";

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

export function NodeInspector({ nodeId }: { nodeId: string }) {
  const run = useDesigner((s) => s.runView?.nodes[nodeId]);
  const status = useDesigner((s) => nodeStatus(s.runView, nodeId));
  const executionId = useDesigner((s) => s.executionId);
  const type = useDesigner((s) => s.nodes.find((n) => n.id === nodeId)?.data.type);
  const edges = useDesigner((s) => s.edges);
  const runs = useDesigner((s) => s.runView?.nodes);
  if (!run && status === "idle") return null;
  const input = run?.input !== undefined ? run.input : runs ? deriveNodeInput(nodeId, edges, runs) : undefined;
  return (
    <section className="wf-inspector" data-testid="node-inspector" data-status={status} aria-label="Run data">
      <h3 className="wf-section-title">
        Run data <span className="wf-status-pill" data-status={status}>{status}</span>
      </h3>
      <dl className="wf-inspector__facts">
        {!!run?.attempts && (<><dt>Attempts</dt><dd>{run.attempts}</dd></>)}
        {!!run?.runs && run.runs > 1 && (<><dt>Runs</dt><dd>{run.runs}</dd></>)}
        {run?.durationMs != null && (<><dt>Duration</dt><dd>{Math.round(run.durationMs)} ms</dd></>)}
        {run?.startedAt && (<><dt>Started</dt><dd>{new Date(run.startedAt).toLocaleTimeString()}</dd></>)}
      </dl>
      {run?.error && (
        <div className="wf-inspector__error" data-testid="node-error" role="alert">
          <strong>{run.error.code ?? "error"}</strong>: {run.error.message ?? pretty(run.error)}
        </div>
      )}
      {input !== undefined && (
        <details open>
          <summary>Input</summary>
          <pre className="wf-json" data-testid="node-input" tabIndex={0}>{pretty(input)}</pre>
        </details>
      )}
      {run && run.output !== undefined && run.output !== null && (
        <details open>
          <summary>Output{run.outputTruncated ? " (truncated)" : ""}</summary>
          <pre className="wf-json" data-testid="node-output" tabIndex={0}>{pretty(run.output)}</pre>
        </details>
      )}
      {type === "wait" && status === "waiting" && executionId && <SignalForm executionId={executionId} nodeId={nodeId} />}
    </section>
  );
}

function SignalForm({ executionId, nodeId }: { executionId: string; nodeId: string }) {
  const [text, setText] = useState('{\n  "approved": true\n}');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    let payload: unknown;
    try {
      payload = text.trim() ? JSON.parse(text) : {};
    } catch (e) {
      return setError(`Payload is not valid JSON: ${(e as Error).message}`);
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/api/executions/${encodeURIComponent(executionId)}/signals/${encodeURIComponent(nodeId)}`, { method: "POST", body: payload });
      await refreshExecution();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="wf-signal">
      <label htmlFor="wf-signal-payload">Signal payload</label>
      <textarea id="wf-signal-payload" className="wf-input wf-code" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      {error && <p className="wf-error" role="alert">{error}</p>}
      <button type="button" className="wf-btn wf-btn--primary" data-action="signal" disabled={busy} onClick={send}>
        Send signal
      </button>
    </div>
  );
}

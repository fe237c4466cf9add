// Status of the execution shown on the canvas: badge with progress, transport, cancel / retry / clear.
import { useState } from "react";
import { api, ApiError } from "../api/client";
import { navigate } from "../router";
import { useDesigner } from "../store";
import { isActive, progress } from "./overlay";
import { isTerminal } from "./merge";
import { refreshExecution, stopWatching, watchExecution } from "./watcher";

export function ExecutionBar() {
  const executionId = useDesigner((s) => s.executionId);
  const view = useDesigner((s) => s.runView);
  const transport = useDesigner((s) => s.runTransport);
  const pinned = useDesigner((s) => s.runPinned);
  const runError = useDesigner((s) => s.runError);
  const total = useDesigner((s) => s.nodes.length);
  const workflowId = useDesigner((s) => s.workflowId);
  const [error, setError] = useState<string | null>(null);
  if (!executionId) return null;
  const status = view?.status ?? "pending";
  const { done } = progress(view, total);

  const control = async (action: "cancel" | "retry" | "pause" | "resume") => {
    setError(null);
    try {
      const r = await api<{ executionId?: string } | undefined>(`/api/executions/${encodeURIComponent(executionId)}/${action}`, { method: "POST" });
      if (r && typeof r === "object" && r.executionId && r.executionId !== executionId) {
        stopWatching();
        void watchExecution(r.executionId, false);
        if (workflowId) navigate(`/workflows/${encodeURIComponent(workflowId)}?execution=${encodeURIComponent(r.executionId)}`, true);
      } else await refreshExecution();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const clear = () => {
    stopWatching();
    if (workflowId) navigate(`/workflows/${encodeURIComponent(workflowId)}`, true);
  };

  return (
    <div className="wf-execbar" role="status" aria-live="polite" aria-label="Execution">
      <span className="wf-exec-badge" data-execution-status={status} data-execution-id={executionId}>
        {pinned ? "Replay" : "Run"}: {status} · {done}/{total} nodes
      </span>
      <span className="wf-muted wf-small" data-transport={transport}>
        {isTerminal(status) ? (pinned ? "from history" : "finished") : transport === "live" ? "live" : transport === "polling" ? "live updates unavailable — polling every 0.5 s" : transport === "connecting" ? "connecting…" : ""}
      </span>
      {view?.error && status === "failed" && <span className="wf-error wf-small" data-testid="execution-error">{view.error.message}</span>}
      {(error || runError) && <span className="wf-error wf-small" role="alert">{error ?? runError}</span>}
      {isActive(status) && (
        <button type="button" className="wf-btn wf-btn--small" data-action="cancel-run" onClick={() => control("cancel")}>Cancel run</button>
      )}
      {(status === "running" || status === "waiting") && (
        <button type="button" className="wf-btn wf-btn--small" data-action="pause-run" onClick={() => control("pause")}>Pause run</button>
      )}
      {status === "paused" && (
        <button type="button" className="wf-btn wf-btn--small" data-action="resume-run" onClick={() => control("resume")}>Resume run</button>
      )}
      {status === "failed" && (
        <button type="button" className="wf-btn wf-btn--small" data-action="retry-run" onClick={() => control("retry")}>Retry</button>
      )}
      <button type="button" className="wf-btn wf-btn--small" data-action="clear-run" onClick={clear} aria-label="Clear run overlay">Clear</button>
    </div>
  );
}

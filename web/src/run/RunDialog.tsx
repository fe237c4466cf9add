// "Run" dialog: JSON input (validated), then save if dirty, start the execution and watch it.
import { useEffect, useRef, useState } from "react";
import { api, ApiError } from "../api/client";
import { navigate } from "../router";
import { useDesigner } from "../store";
import { save } from "../canvas/persistence";
import { watchExecution } from "./watcher";
import { useDialogFocus } from "../canvas/useDialogFocus";

const lastInput = new Map<string, string>();

export function RunDialog({ onClose }: { onClose: () => void }) {
  const workflowId = useDesigner((s) => s.workflowId)!;
  const [text, setText] = useState(() => lastInput.get(workflowId) ?? "{}");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const dialogRef = useDialogFocus<HTMLDivElement>();
  useEffect(() => ref.current?.focus(), []);

  let parseError: string | null = null;
  try {
    if (text.trim()) JSON.parse(text);
  } catch (e) {
    parseError = (e as Error).message;
  }

  const start = async () => {
    if (parseError) return;
    setBusy(true);
    setError(null);
    try {
      const s = useDesigner.getState();
      if (s.revision !== s.savedRevision || s.saveStatus !== "idle") {
        if (!(await save())) throw new Error(useDesigner.getState().saveError ?? "The workflow could not be saved.");
      }
      lastInput.set(workflowId, text);
      const input = text.trim() ? JSON.parse(text) : {};
      const r = await api<{ executionId: string }>(`/api/workflows/${encodeURIComponent(workflowId)}/executions`, { method: "POST", body: { input } });
      onClose();
      void watchExecution(r.executionId, false);
      navigate(`/workflows/${encodeURIComponent(workflowId)}?execution=${encodeURIComponent(r.executionId)}`, true);
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wf-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="wf-modal" ref={dialogRef} role="dialog" aria-modal="true" aria-labelledby="wf-run-title" data-testid="run-dialog" onKeyDown={(e) => e.key === "Escape" && onClose()}>
        <h2 id="wf-run-title" className="wf-panel-title">Run workflow</h2>
        <label htmlFor="wf-run-input">Input</label>
        <textarea
          id="wf-run-input"
          ref={ref}
          className="wf-input wf-code"
          rows={10}
          value={text}
          spellCheck={false}
          aria-invalid={parseError ? true : undefined}
          aria-describedby="wf-run-help"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void start();
          }}
        />
        <p id="wf-run-help" className={parseError ? "wf-error" : "wf-muted wf-small"}>
          {parseError ? `Not valid JSON: ${parseError}` : "JSON passed to the trigger as `trigger` (Ctrl+Enter to start)."}
        </p>
        {error && <p className="wf-error" role="alert">{error}</p>}
        <div className="wf-modal__actions">
          <button type="button" className="wf-btn" onClick={onClose}>Cancel</button>
          <button type="button" className="wf-btn wf-btn--primary" data-action="start-run" disabled={!!parseError || busy} onClick={start}>
            {busy ? "Starting…" : "Start run"}
          </button>
        </div>
      </div>
    </div>
  );
}

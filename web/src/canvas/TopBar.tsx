// The designer's top bar: name, status, save state and the commands.
import { useState } from "react";
import { navigate } from "../router";
import { useDesigner } from "../store";
import { saveStateOf } from "../store/graphSlice";
import { centre, fit } from "./actions";
import { save, setStatus } from "./persistence";
import { viewport } from "./viewport";

const saveText = { saved: "All changes saved", dirty: "Unsaved changes", saving: "Saving…", conflict: "Conflict", error: "Not saved" };

export interface TopBarProps {
  onRun: () => void;
  onHelp: () => void;
  onVersions: () => void;
  onTogglePalette: () => void;
  onTogglePanel: () => void;
  paletteOpen: boolean;
  panelOpen: boolean;
}

export function TopBar(p: TopBarProps) {
  const name = useDesigner((s) => s.name);
  const status = useDesigner((s) => s.workflowStatus);
  const saveState = useDesigner(saveStateOf);
  const saveError = useDesigner((s) => s.saveError);
  const canUndo = useDesigner((s) => s.history.past.length > 0);
  const canRedo = useDesigner((s) => s.history.future.length > 0);
  const snap = useDesigner((s) => s.snapToGrid);
  const [notice, setNotice] = useState<string | null>(null);
  const s = useDesigner.getState;

  const changeStatus = async (action: "activate" | "pause") => {
    setNotice(null);
    try {
      await setStatus(action);
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <header className="wf-topbar">
      <div className="wf-topbar__group">
        <button type="button" className="wf-btn wf-btn--ghost wf-only-narrow" data-action="toggle-palette" aria-pressed={p.paletteOpen} onClick={p.onTogglePalette}>
          Nodes
        </button>
        <a href="/" className="wf-btn wf-btn--ghost" onClick={(e) => (e.preventDefault(), navigate("/"))}>
          ← Workflows
        </a>
        <input className="wf-input wf-name" aria-label="Workflow name" value={name} onChange={(e) => s().setName(e.target.value)} />
        <span className="wf-badge" data-workflow-status={status}>{status}</span>
        <span className="wf-save-state" data-save-state={saveState} role="status" title={saveError ?? undefined}>
          {saveText[saveState]}
          {saveError && saveState === "error" ? `: ${saveError.replace(/^Not saved: /, "")}` : ""}
        </span>
        {notice && <span className="wf-error wf-small" role="alert">{notice}</span>}
      </div>
      <div className="wf-topbar__group" role="toolbar" aria-label="Designer commands">
        <button type="button" className="wf-btn wf-btn--icon" data-action="undo" aria-label="Undo" title="Undo (Ctrl+Z)" aria-disabled={!canUndo} onClick={() => s().undo()}>↶</button>
        <button type="button" className="wf-btn wf-btn--icon" data-action="redo" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" aria-disabled={!canRedo} onClick={() => s().redo()}>↷</button>
        <button type="button" className="wf-btn wf-btn--icon" data-action="zoom-out" aria-label="Zoom out" onClick={() => void viewport()?.zoomOut({ duration: 150 })}>−</button>
        <button type="button" className="wf-btn wf-btn--icon" data-action="zoom-in" aria-label="Zoom in" onClick={() => void viewport()?.zoomIn({ duration: 150 })}>+</button>
        <button type="button" className="wf-btn" data-action="fit" title="Fit (F)" onClick={fit}>Fit</button>
        <button type="button" className="wf-btn" data-action="center" onClick={centre}>Centre</button>
        <button type="button" className="wf-btn" data-action="layout" onClick={() => (s().autoLayout(), setTimeout(fit, 50))}>Auto-layout</button>
        <button type="button" className="wf-btn" data-action="snap" aria-pressed={snap} onClick={() => s().toggleSnap()}>Snap</button>
        <button type="button" className="wf-btn" data-action="versions" onClick={p.onVersions}>Versions</button>
        {status === "active" ? (
          <button type="button" className="wf-btn" data-action="pause" onClick={() => changeStatus("pause")}>Pause</button>
        ) : (
          <button type="button" className="wf-btn" data-action="activate" onClick={() => changeStatus("activate")}>Activate</button>
        )}
        <button type="button" className="wf-btn" data-action="save" title="Save (Ctrl+S)" onClick={() => void save()}>Save</button>
        <button type="button" className="wf-btn wf-btn--primary" data-action="run" onClick={p.onRun}>Run</button>
        <button type="button" className="wf-btn wf-btn--icon" data-action="help" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={p.onHelp}>?</button>
        <button type="button" className="wf-btn wf-btn--ghost wf-only-narrow" data-action="toggle-panel" aria-pressed={p.panelOpen} onClick={p.onTogglePanel}>
          Panel
        </button>
      </div>
    </header>
  );
}

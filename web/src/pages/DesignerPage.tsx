// The designer: top bar, palette, canvas, side panel (node configuration, run data, problems, versions).
import { useCallback, useEffect, useMemo, useState } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import { api, ApiError } from "../api/client";
import { useDesigner } from "../store";
import { Canvas } from "../canvas/Canvas";
import { Palette } from "../canvas/Palette";
import { TopBar } from "../canvas/TopBar";
import { ConflictBanner } from "../canvas/ConflictBanner";
import { ProblemsList } from "../canvas/ProblemsList";
import { VersionsPanel } from "../canvas/VersionsPanel";
import { ShortcutsHelp } from "../canvas/ShortcutsHelp";
import { loadWorkflow } from "../canvas/persistence";
import { useValidation } from "../canvas/useValidation";
import { useAutosave } from "../canvas/useAutosave";
import { useShortcuts } from "../canvas/useShortcuts";
import { NodePanel, selectSingleNode } from "../config/NodePanel";
import { RunDialog } from "../run/RunDialog";
import { ExecutionBar } from "../run/ExecutionBar";
import { ExecutionSummary } from "../run/ExecutionSummary";
import { disposeHub, stopWatching, watchExecution } from "../run/watcher";
import type { NodeDescriptor } from "../canvas/types";
import "../canvas/designer.css";

function SelectionSummary() {
  const count = useDesigner((s) => s.nodes.reduce((n, x) => n + (x.selected ? 1 : 0), 0));
  const total = useDesigner((s) => s.nodes.length);
  if (count === 1) return null;
  return (
    <p className="wf-muted wf-small" role="status">
      {count > 1 ? `${count} nodes selected.` : total === 0 ? "Drag a node from the palette (or press Enter on one) to start." : "Select a node to configure it."}
    </p>
  );
}

export function DesignerPage({ workflowId, executionId }: { workflowId: string; executionId: string | null }) {
  const [state, setState] = useState<"loading" | "ready" | "error">("loading");
  const [error, setError] = useState<string | null>(null);
  const [runOpen, setRunOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);
  const hasDescriptors = useDesigner((s) => s.descriptorList.length > 0);
  const selectedId = useDesigner((s) => selectSingleNode(s)?.id ?? null);
  const dirty = useDesigner((s) => s.revision !== s.savedRevision);

  useEffect(() => {
    let live = true;
    setState("loading");
    stopWatching();
    const descriptors = hasDescriptors ? Promise.resolve() : api<NodeDescriptor[]>("/api/nodes").then((d) => useDesigner.getState().setDescriptors(d));
    Promise.all([descriptors, loadWorkflow(workflowId)])
      .then(() => live && setState("ready"))
      .catch((e) => {
        if (!live) return;
        setError(e instanceof ApiError && e.status === 404 ? "This workflow does not exist (or belongs to another tenant)." : e instanceof Error ? e.message : String(e));
        setState("error");
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workflowId]);

  useEffect(() => () => void disposeHub(), []);

  useEffect(() => {
    if (state !== "ready") return;
    // The URL holds the execution shown (runs started here put it there too); without one, no overlay.
    if (executionId) void watchExecution(executionId, true);
    else if (useDesigner.getState().executionId) stopWatching();
  }, [state, executionId]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // On narrow screens the side panel is a drawer: open it when a node gets selected.
  useEffect(() => {
    if (selectedId && window.matchMedia("(max-width: 1024px)").matches) setPanelOpen(true);
  }, [selectedId]);

  useValidation();
  useAutosave();
  const handlers = useMemo(
    () => ({ toggleHelp: () => setHelpOpen((v) => !v), closeOverlays: () => (setHelpOpen(false), setRunOpen(false)) }),
    [],
  );
  useShortcuts(handlers);
  const onVersions = useCallback(() => (setVersionsOpen((v) => !v), setPanelOpen(true)), []);

  if (state === "error") {
    return (
      <main className="wf-designer wf-designer--message">
        <p className="wf-error" role="alert">{error}</p>
      </main>
    );
  }
  if (state === "loading") {
    return (
      <main className="wf-designer wf-designer--message" aria-busy="true">
        <p className="wf-muted">Loading workflow…</p>
      </main>
    );
  }
  return (
    <div className="wf-designer" data-palette-open={paletteOpen} data-panel-open={panelOpen}>
      <TopBar
        onRun={() => setRunOpen(true)}
        onHelp={() => setHelpOpen(true)}
        onVersions={onVersions}
        onTogglePalette={() => setPaletteOpen((v) => !v)}
        onTogglePanel={() => setPanelOpen((v) => !v)}
        paletteOpen={paletteOpen}
        panelOpen={panelOpen}
      />
      <ConflictBanner />
      <ExecutionBar />
      <div className="wf-body">
        <aside className="wf-left" aria-label="Palette">
          <Palette />
        </aside>
        <main className="wf-centre" aria-label="Workflow canvas area">
          <ReactFlowProvider>
            <Canvas />
          </ReactFlowProvider>
        </main>
        <aside className="wf-right" aria-label="Side panel">
          {versionsOpen ? (
            <VersionsPanel onClose={() => setVersionsOpen(false)} />
          ) : (
            <>
              <SelectionSummary />
              {selectedId ? <NodePanel /> : <ExecutionSummary />}
            </>
          )}
          <ProblemsList />
        </aside>
      </div>
      {runOpen && <RunDialog onClose={() => setRunOpen(false)} />}
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

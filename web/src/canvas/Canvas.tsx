// The designer canvas: React Flow bound to the graph slice; palette drops, valid connections only.
import { useCallback, useEffect, type DragEvent } from "react";
import { Background, BackgroundVariant, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, useStore, type Connection, type Edge } from "@xyflow/react";
import { useDesigner } from "../store";
import { WorkflowNode } from "../nodes/WorkflowNode";
import { WorkflowEdge } from "./WorkflowEdge";
import { isValidConnection } from "./connections";
import { setViewportInstance } from "./viewport";
import type { WfEdge, WfNode } from "./flowTypes";
import { paletteMime } from "./Palette";
import "./canvas.css";

const nodeTypes = { wf: WorkflowNode };
const edgeTypes = { wf: WorkflowEdge };
const defaultEdgeOptions = { type: "wf", markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: "var(--muted, #59636e)" } };
const snapGrid: [number, number] = [20, 20];
const multiKeys = ["Shift", "Meta", "Control"];

function minimapColor(n: WfNode): string {
  return useDesigner.getState().descriptors[n.data.type]?.color ?? "#64748b";
}

export function Canvas() {
  const nodes = useDesigner((s) => s.nodes);
  const edges = useDesigner((s) => s.edges);
  const snap = useDesigner((s) => s.snapToGrid);
  const onNodesChange = useDesigner((s) => s.onNodesChange);
  const onEdgesChange = useDesigner((s) => s.onEdgesChange);
  const connect = useDesigner((s) => s.connect);
  const dragStart = useDesigner((s) => s.dragStart);
  const dragStop = useDesigner((s) => s.dragStop);
  const flow = useReactFlow<WfNode, WfEdge>();
  // Far out, nodes drop their secondary text (CSS): one subscription here instead of one per node.
  const zoomedOut = useStore((s) => s.transform[2] < 0.45);

  useEffect(() => {
    setViewportInstance(flow);
    return () => setViewportInstance(null);
  }, [flow]);

  const validate = useCallback((c: Connection | Edge) => {
    const s = useDesigner.getState();
    const byId = (id: string) => flow.getNode(id)?.data.type;
    return isValidConnection(c, byId, (t) => s.descriptors[t], s.edges);
  }, [flow]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(paletteMime)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
    }
  }, []);

  const onDrop = useCallback((e: DragEvent) => {
    const type = e.dataTransfer.getData(paletteMime);
    if (!type) return;
    e.preventDefault();
    const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    useDesigner.getState().addNode(type, { x: Math.round(p.x - 90), y: Math.round(p.y - 25) });
  }, [flow]);

  return (
    <div className="wf-canvas" data-zoomed-out={zoomedOut ? "true" : undefined} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<WfNode, WfEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={connect}
        isValidConnection={validate}
        onNodeDragStart={dragStart}
        onNodeDragStop={dragStop}
        onSelectionDragStart={dragStart}
        onSelectionDragStop={dragStop}
        snapToGrid={snap}
        snapGrid={snapGrid}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={multiKeys}
        onlyRenderVisibleElements={nodes.length > 300}
        minZoom={0.05}
        maxZoom={2.5}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        aria-label="Workflow canvas"
      >
        {!zoomedOut && <Background variant={BackgroundVariant.Dots} gap={20} size={1} />}
        <MiniMap pannable zoomable nodeColor={minimapColor} ariaLabel="Mini map" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

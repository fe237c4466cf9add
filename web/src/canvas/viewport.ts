// A handle on the React Flow instance for code outside the <ReactFlow> tree (toolbar, problems list, shortcuts).
import type { ReactFlowInstance } from "@xyflow/react";
import type { WfEdge, WfNode } from "./flowTypes";

let instance: ReactFlowInstance<WfNode, WfEdge> | null = null;

export function setViewportInstance(i: ReactFlowInstance<WfNode, WfEdge> | null): void {
  instance = i;
}

export function viewport(): ReactFlowInstance<WfNode, WfEdge> | null {
  return instance;
}

/** The flow position at the centre of the visible canvas. */
export function viewportCentre(): { x: number; y: number } {
  const el = document.querySelector(".wf-canvas");
  if (!instance || !el) return { x: 0, y: 0 };
  const r = el.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
}

export function focusNode(id: string): void {
  const n = instance?.getNode(id);
  if (!instance || !n) return;
  const w = n.measured?.width ?? 200;
  const h = n.measured?.height ?? 60;
  void instance.setCenter(n.position.x + w / 2, n.position.y + h / 2, { zoom: Math.max(instance.getZoom(), 0.8), duration: 200 });
}

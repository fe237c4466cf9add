// The run overlay, derived from the run view (never stored in node data). O(1) per node or edge.
import type { NodeStatus, RunView } from "./types";

const known = new Set<NodeStatus>(["idle", "pending", "running", "completed", "failed", "skipped", "waiting", "cancelled"]);

export function isActive(status: string | undefined): boolean {
  return status === "running" || status === "waiting" || status === "paused" || status === "pending";
}

export function nodeStatus(view: RunView | null, nodeId: string): NodeStatus {
  if (!view) return "idle";
  const run = view.nodes[nodeId];
  if (run) {
    const s = run.status.toLowerCase() as NodeStatus;
    return known.has(s) ? s : s === ("retrying" as NodeStatus) ? "running" : "pending";
  }
  return isActive(view.status) ? "pending" : "idle";
}

const reached = new Set(["running", "completed", "failed", "waiting", "cancelled"]);

/** An edge was taken when its source completed and its target started. */
export function edgeTaken(view: RunView | null, source: string, target: string): boolean {
  if (!view) return false;
  const s = view.nodes[source];
  const t = view.nodes[target];
  return !!s && s.status === "completed" && !!t && reached.has(t.status);
}

export function progress(view: RunView | null, nodeCount: number): { done: number; total: number } {
  if (!view) return { done: 0, total: nodeCount };
  let done = 0;
  for (const n of Object.values(view.nodes)) if (n.status === "completed" || n.status === "failed" || n.status === "skipped" || n.status === "cancelled") done++;
  return { done, total: nodeCount };
}

export function deriveOverlay(view: RunView | null, nodeIds: string[], edges: { id: string; source: string; target: string }[]) {
  const nodes: Record<string, NodeStatus> = {};
  for (const id of nodeIds) nodes[id] = nodeStatus(view, id);
  const taken: Record<string, boolean> = {};
  for (const e of edges) taken[e.id] = edgeTaken(view, e.source, e.target);
  return { nodes, taken };
}

// A node's input as the designer shows it: what arrived on its incoming edges, i.e. the outputs of the predecessors
// that completed in this run (the engine records outputs, not inputs; expressions read `nodes.<id>.output`).
import type { NodeRun } from "./types";

export interface EdgeEnds {
  source: string;
  target: string;
}

/** Undefined when nothing arrived; one predecessor's output as is; several as an object keyed by node id. */
export function deriveNodeInput(nodeId: string, edges: readonly EdgeEnds[], runs: Readonly<Record<string, NodeRun>>): unknown {
  const arrived: Record<string, unknown> = {};
  for (const edge of edges) {
    if (edge.target !== nodeId || edge.source === nodeId) continue;
    const source = runs[edge.source];
    if (source && source.status.toLowerCase() === "completed" && source.output !== undefined) arrived[edge.source] = source.output;
  }
  const ids = Object.keys(arrived);
  if (ids.length === 0) return undefined;
  return ids.length === 1 ? arrived[ids[0]] : arrived;
}

// Copy/paste of nodes and the edges between them as plain JSON (works across workflows and tabs).
import type { DocEdge, DocNode } from "./types";

export const clipboardKind = "workflow-designer/clip";

export interface Clip {
  kind: typeof clipboardKind;
  nodes: DocNode[];
  edges: DocEdge[];
}

export function makeClip(nodes: DocNode[], edges: DocEdge[], selected: Set<string>): Clip {
  return {
    kind: clipboardKind,
    nodes: nodes.filter((n) => selected.has(n.id)),
    edges: edges.filter((e) => selected.has(e.source) && selected.has(e.target)),
  };
}

export function parseClip(text: string | null | undefined): Clip | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Clip;
    return v && v.kind === clipboardKind && Array.isArray(v.nodes) && Array.isArray(v.edges) ? v : null;
  } catch {
    return null;
  }
}

/** A readable id not in `taken`: `<type>_<n>` (ids are used in expressions as nodes.<id>.output). */
export function freshNodeId(type: string, taken: Set<string>): string {
  const base = type.replace(/[^A-Za-z0-9_]/g, "_");
  for (let i = 1; ; i++) {
    const id = `${base}_${i}`;
    if (!taken.has(id)) return id;
  }
}

export function freshEdgeId(taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const id = `e_${i}`;
    if (!taken.has(id)) return id;
  }
}

/** Re-ids the clip's nodes and edges against the ids already in the graph and offsets positions. */
export function rebaseClip(clip: Clip, takenNodes: Set<string>, takenEdges: Set<string>, offset: { x: number; y: number }): { nodes: DocNode[]; edges: DocEdge[] } {
  const nodeIds = new Set(takenNodes);
  const edgeIds = new Set(takenEdges);
  const map = new Map<string, string>();
  const nodes = clip.nodes.map((n) => {
    const id = freshNodeId(n.type, nodeIds);
    nodeIds.add(id);
    map.set(n.id, id);
    return { ...structuredClone(n), id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
  });
  const edges = clip.edges
    .filter((e) => map.has(e.source) && map.has(e.target))
    .map((e) => {
      const id = freshEdgeId(edgeIds);
      edgeIds.add(id);
      return { ...structuredClone(e), id, source: map.get(e.source)!, target: map.get(e.target)! };
    });
  return { nodes, edges };
}

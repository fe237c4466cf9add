// Document ⇄ React Flow conversion. Lossless for the fields of DESIGN §2 and for unknown extras.
import type { Definition, DocEdge, DocNode } from "./types";
import type { WfEdge, WfNode } from "./flowTypes";

const nodeKeys = new Set(["id", "type", "position", "data", "config"]);
const edgeKeys = new Set(["id", "source", "sourceHandle", "target", "targetHandle"]);

function extras(obj: Record<string, unknown>, known: Set<string>): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(obj)) {
    if (!known.has(k)) (out ??= {})[k] = v;
  }
  return out;
}

export function toFlowNode(n: DocNode): WfNode {
  const extra = extras(n, nodeKeys);
  return {
    id: n.id,
    type: "wf",
    position: { x: n.position?.x ?? 0, y: n.position?.y ?? 0 },
    data: { type: n.type, data: n.data ?? {}, config: n.config ?? {}, ...(extra ? { extra } : {}) },
  };
}

export function toFlowEdge(e: DocEdge): WfEdge {
  const extra = extras(e, edgeKeys);
  return {
    id: e.id,
    type: "wf",
    source: e.source,
    target: e.target,
    sourceHandle: e.sourceHandle ?? null,
    targetHandle: e.targetHandle ?? null,
    ...(extra ? { data: { extra } } : {}),
  };
}

export function toFlow(def: Pick<Definition, "nodes" | "edges">): { nodes: WfNode[]; edges: WfEdge[] } {
  return { nodes: (def.nodes ?? []).map(toFlowNode), edges: (def.edges ?? []).map(toFlowEdge) };
}

export function toDocNode(n: WfNode): DocNode {
  const out: DocNode = { ...(n.data.extra ?? {}), id: n.id, type: n.data.type, position: { x: n.position.x, y: n.position.y } };
  if (n.data.data && Object.keys(n.data.data).length > 0) out.data = n.data.data;
  out.config = n.data.config ?? {};
  return out;
}

export function toDocEdge(e: WfEdge): DocEdge {
  const out: DocEdge = { ...(e.data?.extra ?? {}), id: e.id, source: e.source, target: e.target };
  if (e.sourceHandle) out.sourceHandle = e.sourceHandle;
  if (e.targetHandle) out.targetHandle = e.targetHandle;
  return out;
}

export function toDefinition(nodes: WfNode[], edges: WfEdge[], base?: Definition): Definition {
  return { ...(base ?? {}), nodes: nodes.map(toDocNode), edges: edges.map(toDocEdge), variables: base?.variables ?? [] };
}

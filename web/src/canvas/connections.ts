// Which connections the canvas accepts. Pure, so the rules are unit-tested.
import type { NodeDescriptor } from "./types";

export interface ConnectionLike {
  source: string | null;
  target: string | null;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

export interface EdgeLike extends ConnectionLike {
  id: string;
}

/** Node types that may receive a back edge (closing a cycle). */
const cycleTargets = new Set(["loop"]);

export function isValidConnection(
  c: ConnectionLike,
  nodeType: (id: string) => string | undefined,
  descriptor: (type: string) => NodeDescriptor | undefined,
  edges: EdgeLike[],
): boolean {
  if (!c.source || !c.target || c.source === c.target) return false;
  const targetType = nodeType(c.target);
  const sourceType = nodeType(c.source);
  if (!targetType || !sourceType) return false;
  const target = descriptor(targetType);
  if (target && target.inputs.length === 0) return false;
  if (targetType === "trigger") return false;
  const dup = edges.some(
    (e) => e.source === c.source && e.target === c.target && (e.sourceHandle ?? null) === (c.sourceHandle ?? null) && (e.targetHandle ?? null) === (c.targetHandle ?? null),
  );
  if (dup) return false;
  if (!cycleTargets.has(targetType) && reaches(c.target, c.source, edges, (id) => cycleTargets.has(nodeType(id) ?? ""))) return false;
  return true;
}

/** True when `to` can be reached from `from` without passing through a node that may close cycles (a loop). */
function reaches(from: string, to: string, edges: EdgeLike[], opaque: (id: string) => boolean): boolean {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    if (!e.source || !e.target) continue;
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === to) return true;
    if (n !== from && opaque(n)) continue;
    for (const m of out.get(n) ?? []) if (!seen.has(m)) (seen.add(m), stack.push(m));
  }
  return false;
}

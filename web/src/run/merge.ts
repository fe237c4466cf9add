// Merging the snapshot with live hub events by sequence: events the snapshot already covers are dropped,
// later ones are applied in sequence order (late or duplicate deliveries included).
import type { ExecutionEvent, ExecutionSnapshot, NodeRun, RunView } from "./types";

export interface MergeState {
  base: RunView | null;
  baseSequence: number;
  /** Events after the base, sorted by sequence, unique. */
  events: ExecutionEvent[];
  view: RunView | null;
}

export const emptyMerge = (): MergeState => ({ base: null, baseSequence: -1, events: [], view: null });

function durationOf(n: NodeRun): number | null | undefined {
  if (n.durationMs != null) return n.durationMs;
  if (n.startedAt && n.completedAt) return Math.max(0, Date.parse(n.completedAt) - Date.parse(n.startedAt));
  return undefined;
}

export function viewFromSnapshot(s: ExecutionSnapshot): RunView {
  const nodes: Record<string, NodeRun> = {};
  for (const n of s.nodes ?? []) nodes[n.nodeId] = { ...n, durationMs: durationOf(n) };
  return { executionId: s.id, workflowId: s.workflowId, status: s.status, error: s.error, result: s.result, startedAt: s.startedAt, completedAt: s.completedAt, nodes };
}

const eventStatus: Record<string, string> = {
  NodeStarted: "running",
  NodeCompleted: "completed",
  NodeFailed: "failed",
  NodeRetrying: "running",
  NodeWaiting: "waiting",
  NodeSkipped: "skipped",
};

export function applyEvent(view: RunView, ev: ExecutionEvent): RunView {
  if (!ev.nodeId) {
    const status = ev.status ? ev.status.toLowerCase() : view.status;
    return { ...view, status, error: ev.error ?? view.error, completedAt: isTerminal(status) ? ev.timestamp ?? view.completedAt : view.completedAt };
  }
  const prev = view.nodes[ev.nodeId] ?? { nodeId: ev.nodeId, status: "pending" };
  let status = (ev.status || eventStatus[ev.kind] || prev.status).toLowerCase();
  if (status === "retrying") status = "running";
  const next: NodeRun = { ...prev, status };
  if (ev.attempt != null) next.attempts = ev.attempt;
  if (ev.durationMs != null) next.durationMs = ev.durationMs;
  if (ev.kind === "NodeStarted") {
    next.startedAt = ev.timestamp ?? next.startedAt;
    next.error = null;
  }
  if (ev.kind === "NodeCompleted" || ev.kind === "NodeFailed") next.completedAt = ev.timestamp ?? next.completedAt;
  if ("output" in ev && ev.output !== undefined) {
    next.output = ev.output;
    next.outputTruncated = ev.outputTruncated ?? false;
  }
  if (ev.error) next.error = ev.error;
  return { ...view, nodes: { ...view.nodes, [ev.nodeId]: next } };
}

export function isTerminal(status: string | undefined): boolean {
  return status === "completed" || status === "failed" || status === "cancelled";
}

function rebuild(base: RunView | null, events: ExecutionEvent[], executionId: string): RunView {
  const start: RunView = base ?? { executionId, status: "running", nodes: {} };
  return events.reduce(applyEvent, start);
}

export function receiveEvent(m: MergeState, ev: ExecutionEvent): MergeState {
  if (ev.sequence <= m.baseSequence) return m;
  const last = m.events[m.events.length - 1];
  if (!last || ev.sequence > last.sequence) {
    const events = [...m.events, ev];
    return { ...m, events, view: applyEvent(m.view ?? rebuild(m.base, [], ev.executionId), ev) };
  }
  if (m.events.some((e) => e.sequence === ev.sequence)) return m;
  const events = [...m.events, ev].sort((a, b) => a.sequence - b.sequence);
  return { ...m, events, view: rebuild(m.base, events, ev.executionId) };
}

export function receiveSnapshot(m: MergeState, s: ExecutionSnapshot): MergeState {
  // A snapshot without a sequence is taken to cover everything received so far.
  const seq = s.sequence ?? (m.events.length ? m.events[m.events.length - 1].sequence : m.baseSequence);
  if (m.base && s.sequence !== undefined && s.sequence < m.baseSequence) return m;
  const base = viewFromSnapshot(s);
  const events = m.events.filter((e) => e.sequence > seq);
  return { base, baseSequence: seq, events, view: rebuild(base, events, s.id) };
}

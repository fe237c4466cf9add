// Watching one execution: hub subscription first, then the snapshot (merged by sequence); polling every
// 500 ms while the hub is unavailable. Used for live runs and for replaying a past execution.
import { api } from "../api/client";
import { useDesigner } from "../store";
import { ExecutionHub } from "./hub";
import { isTerminal } from "./merge";
import type { ExecutionSnapshot } from "./types";

let hub: ExecutionHub | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let watching: string | null = null;
/** When the hub last refused a connection: not retried for a while (each attempt is a failed request). */
let hubFailedAt = -Infinity;
const hubRetryMs = 30_000;

const store = () => useDesigner.getState();

function getHub(): ExecutionHub {
  hub ??= new ExecutionHub({
    onEvent: (ev) => {
      store().receiveRunEvent(ev);
      if (!ev.nodeId && isTerminal(ev.status?.toLowerCase()) && watching) void refresh(watching);
    },
    onReconnected: () => {
      store().setRunTransport("live");
      if (watching) void refresh(watching).then(() => schedule());
    },
    onDown: () => {
      if (!watching) return;
      store().setRunTransport("polling");
      schedule();
    },
  });
  return hub;
}

async function refresh(id: string): Promise<ExecutionSnapshot | null> {
  try {
    const snap = await api<ExecutionSnapshot>(`/api/executions/${encodeURIComponent(id)}`);
    if (watching === id) store().receiveRunSnapshot(snap);
    return snap;
  } catch (e) {
    if (watching === id) store().setRunError(e instanceof Error ? e.message : String(e));
    return null;
  }
}

/** Polls fast while the hub is down; slowly as a safety net while it is up. Stops at a terminal status. */
function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const id = watching;
  if (!id) return;
  const status = store().runView?.status;
  if (isTerminal(status)) return;
  const live = store().runTransport === "live";
  const delay = live ? 3000 : status === "waiting" || status === "paused" ? 1500 : 500;
  timer = setTimeout(async () => {
    if (watching !== id) return;
    await refresh(id);
    schedule();
  }, delay);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms))]);
}

export async function watchExecution(id: string, pinned: boolean): Promise<void> {
  if (watching === id) return;
  watching = id;
  store().beginRun(id, pinned);
  try {
    if (Date.now() - hubFailedAt < hubRetryMs) throw new Error("hub unavailable");
    const h = getHub();
    await withTimeout(h.start(), 4000);
    await h.subscribe(id);
    if (watching === id) store().setRunTransport("live");
  } catch {
    if (!hub?.connected) hubFailedAt = Date.now();
    if (watching === id) store().setRunTransport("polling");
  }
  if (watching !== id) return;
  await refresh(id);
  schedule();
}

/** Fetch the snapshot again now (after cancel/retry/signal) and keep watching until terminal. */
export async function refreshExecution(): Promise<void> {
  if (!watching) return;
  await refresh(watching);
  schedule();
}

export function stopWatching(): void {
  watching = null;
  if (timer) clearTimeout(timer);
  timer = null;
  hub?.unsubscribeAll();
  store().clearRun();
}

export async function disposeHub(): Promise<void> {
  stopWatching();
  const h = hub;
  hub = null;
  await h?.stop();
}

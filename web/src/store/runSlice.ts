// Run slice: the execution shown on the canvas (snapshot + live hub events merged by sequence).
// Node statuses on the canvas are derived from `runView`; nothing here is written into node data.
import type { StateCreator } from "zustand";
import type { DesignerState } from "./index";
import { emptyMerge, receiveEvent, receiveSnapshot, type MergeState } from "../run/merge";
import type { ExecutionEvent, ExecutionSnapshot, RunView } from "../run/types";

export type RunTransport = "idle" | "connecting" | "live" | "polling";

export interface RunSlice {
  executionId: string | null;
  /** True when the overlay replays a past execution opened from the URL (kept until cleared). */
  runPinned: boolean;
  run: MergeState;
  runView: RunView | null;
  runTransport: RunTransport;
  runError: string | null;
  beginRun: (executionId: string, pinned: boolean) => void;
  receiveRunEvent: (ev: ExecutionEvent) => void;
  receiveRunSnapshot: (s: ExecutionSnapshot) => void;
  setRunTransport: (t: RunTransport) => void;
  setRunError: (e: string | null) => void;
  clearRun: () => void;
}

export const createRunSlice: StateCreator<DesignerState, [], [], RunSlice> = (set, get) => ({
  executionId: null,
  runPinned: false,
  run: emptyMerge(),
  runView: null,
  runTransport: "idle",
  runError: null,
  beginRun: (executionId, runPinned) => set({ executionId, runPinned, run: emptyMerge(), runView: null, runError: null, runTransport: "connecting" }),
  receiveRunEvent: (ev) => {
    if (ev.executionId !== get().executionId) return;
    const run = receiveEvent(get().run, ev);
    if (run !== get().run) set({ run, runView: run.view });
  },
  receiveRunSnapshot: (snap) => {
    if (snap.id !== get().executionId) return;
    const run = receiveSnapshot(get().run, snap);
    if (run !== get().run) set({ run, runView: run.view });
  },
  setRunTransport: (runTransport) => set({ runTransport }),
  setRunError: (runError) => set({ runError }),
  clearRun: () => set({ executionId: null, runPinned: false, run: emptyMerge(), runView: null, runTransport: "idle", runError: null }),
});

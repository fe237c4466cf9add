// Run slice: the execution shown on the canvas (snapshot + live hub events merged by sequence).
import type { StateCreator } from "zustand";
import type { DesignerState } from "./index";

export interface RunSlice {
  executionId: string | null;
}

export const createRunSlice: StateCreator<DesignerState, [], [], RunSlice> = () => ({
  executionId: null,
});

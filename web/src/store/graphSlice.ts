// Graph slice: the workflow being edited (nodes, edges, selection, undo/redo history). Owned by the canvas.
import type { StateCreator } from "zustand";
import type { DesignerState } from "./index";

export interface GraphSlice {
  workflowId: string | null;
}

export const createGraphSlice: StateCreator<DesignerState, [], [], GraphSlice> = () => ({
  workflowId: null,
});

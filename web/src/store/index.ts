// The designer store: one zustand store built from slices (graph, run, ui), as Dify and n8n do.
import { create } from "zustand";
import { createGraphSlice, type GraphSlice } from "./graphSlice";
import { createRunSlice, type RunSlice } from "./runSlice";
import { createUiSlice, type UiSlice } from "./uiSlice";

export type DesignerState = GraphSlice & RunSlice & UiSlice;

export const useDesigner = create<DesignerState>()((...a) => ({
  ...createGraphSlice(...a),
  ...createRunSlice(...a),
  ...createUiSlice(...a),
}));

// UI slice: theme, panels, toasts.
import type { StateCreator } from "zustand";
import type { DesignerState } from "./index";

export type Theme = "light" | "dark" | "high-contrast";

export interface UiSlice {
  theme: Theme;
  setTheme: (theme: Theme) => void;
}

export const createUiSlice: StateCreator<DesignerState, [], [], UiSlice> = (set) => ({
  theme: (localStorage.getItem("workflow.theme") as Theme | null) ?? "light",
  setTheme: (theme) => {
    localStorage.setItem("workflow.theme", theme);
    set({ theme });
  },
});

// UI slice: theme (applied as :root[data-theme]; palettes in styles.css).
import type { StateCreator } from "zustand";
import type { DesignerState } from "./index";

export type Theme = "light" | "dark" | "high-contrast";
export const themes: { value: Theme; label: string }[] = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "high-contrast", label: "High contrast" },
];

export interface UiSlice {
  theme: Theme;
  setTheme: (theme: Theme) => void;
}

const storageKey = "workflow.theme";

// Stored choice first, then the system's preference (more contrast beats dark).
function initialTheme(): Theme {
  const stored = localStorage.getItem(storageKey);
  if (themes.some((t) => t.value === stored)) return stored as Theme;
  const media = (q: string) => typeof matchMedia === "function" && matchMedia(q).matches;
  if (media("(prefers-contrast: more)") || media("(forced-colors: active)")) return "high-contrast";
  return media("(prefers-color-scheme: dark)") ? "dark" : "light";
}

export const createUiSlice: StateCreator<DesignerState, [], [], UiSlice> = (set) => ({
  theme: initialTheme(),
  setTheme: (theme) => {
    localStorage.setItem(storageKey, theme);
    set({ theme });
  },
});

// Designer keyboard shortcuts. Editing keys are ignored while typing in a field; Ctrl+S works everywhere.
import { useEffect } from "react";
import { useDesigner } from "../store";
import { copySelection, fit, paste } from "./actions";
import { save } from "./persistence";

export interface ShortcutHandlers {
  toggleHelp: () => void;
  closeOverlays: () => void;
}

export const shortcutList: [string, string][] = [
  ["Ctrl+S", "Save"],
  ["Ctrl+Z", "Undo"],
  ["Ctrl+Shift+Z / Ctrl+Y", "Redo"],
  ["Ctrl+C / Ctrl+X / Ctrl+V", "Copy / cut / paste the selected nodes (as JSON, across workflows)"],
  ["Delete / Backspace", "Delete the selection"],
  ["Arrow keys", "Move the selected nodes (Shift: 5× further)"],
  ["Tab / Shift+Tab", "Focus the next / previous node; Enter selects it"],
  ["Shift+click, Shift+drag", "Add to the selection, box select"],
  ["Ctrl+A", "Select all nodes"],
  ["F", "Fit the workflow in view"],
  ["Enter or Space on a palette entry", "Add that node at the centre"],
  ["?", "Show this help"],
  ["Escape", "Close dialogs, clear the selection"],
];

function isEditable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) || !!el.closest("[role=dialog]");
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === "s") {
        e.preventDefault();
        void save();
        return;
      }
      if (e.key === "Escape") {
        handlers.closeOverlays();
        if (!isEditable(e.target)) useDesigner.getState().selectOnly([]);
        return;
      }
      if (isEditable(e.target) || e.defaultPrevented) return;
      const s = useDesigner.getState();
      if (mod && key === "z") {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
      } else if (mod && key === "y") {
        e.preventDefault();
        s.redo();
      } else if (mod && key === "c") {
        void copySelection();
      } else if (mod && key === "x") {
        void copySelection().then((copied) => copied && useDesigner.getState().deleteSelection());
      } else if (mod && key === "v") {
        e.preventDefault();
        void paste();
      } else if (mod && key === "a") {
        e.preventDefault();
        s.selectOnly(s.nodes.map((n) => n.id));
      } else if (e.key === "Delete" || e.key === "Backspace") {
        e.preventDefault();
        s.deleteSelection();
      } else if (e.key === "?") {
        e.preventDefault();
        handlers.toggleHelp();
      } else if (!mod && key === "f") {
        fit();
      } else if (e.key.startsWith("Arrow") && !mod && s.nodes.some((n) => n.selected)) {
        // Nodes handle arrows themselves when focused (React Flow); this covers focus elsewhere on the page.
        if ((e.target as HTMLElement | null)?.closest?.(".react-flow__node")) return;
        e.preventDefault();
        const step = (s.snapToGrid ? 20 : 10) * (e.shiftKey ? 5 : 1);
        const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key] ?? [0, 0];
        s.moveSelected(d[0], d[1]);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [handlers]);
}

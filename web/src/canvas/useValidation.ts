// Inline validation: ~400 ms after the last change, POST /api/workflows/validate with the current document.
import { useEffect } from "react";
import { api } from "../api/client";
import { useDesigner } from "../store";
import { currentDocument } from "./persistence";
import type { ValidationResult } from "./types";

export function useValidation(): void {
  const revision = useDesigner((s) => s.revision);
  const loaded = useDesigner((s) => s.doc !== null);
  useEffect(() => {
    if (!loaded) return;
    const ctrl = new AbortController();
    const t = setTimeout(async () => {
      try {
        const result = await api<ValidationResult>("/api/workflows/validate", { method: "POST", body: currentDocument(), signal: ctrl.signal });
        if (!ctrl.signal.aborted) useDesigner.getState().setProblems(result, revision);
      } catch {
        // offline or aborted: keep the last result
      }
    }, 400);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [revision, loaded]);
}

// Drafts save themselves ~2 s after the last change, once validation of that change came back clean
// (the API refuses invalid documents, so an invalid draft waits for the user).
import { useEffect } from "react";
import { useDesigner } from "../store";
import { save } from "./persistence";

export function useAutosave(): void {
  const revision = useDesigner((s) => s.revision);
  const saved = useDesigner((s) => s.savedRevision);
  const status = useDesigner((s) => s.workflowStatus);
  const saveStatus = useDesigner((s) => s.saveStatus);
  const cleanAt = useDesigner((s) => (s.problems.some((p) => p.severity === "error") ? -1 : s.problemsRevision));
  useEffect(() => {
    if (status !== "draft" || revision === saved || saveStatus !== "idle" || cleanAt !== revision) return;
    const t = setTimeout(() => void save(), 2000);
    return () => clearTimeout(t);
  }, [revision, saved, status, saveStatus, cleanAt]);
}

// Calls of /api/workflows used by the list page (the designer has its own save path).
import { api, ApiError } from "./client";
import type { ExecutionSummary, Page, WorkflowDocument, WorkflowStats, WorkflowSummary } from "./types";

const q = (params: Record<string, string | number | null | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : "";
};
export { q as query };

export const listWorkflows = (params: { search?: string; status?: string; cursor?: string | null } = {}, signal?: AbortSignal) =>
  api<Page<WorkflowSummary>>(`/api/workflows${q(params)}`, { signal });

export const getWorkflow = (id: string) => api<WorkflowDocument>(`/api/workflows/${encodeURIComponent(id)}`);

export const createWorkflow = (doc: WorkflowDocument) => api<WorkflowDocument>("/api/workflows", { method: "POST", body: doc });

export const deleteWorkflow = (id: string) => api<void>(`/api/workflows/${encodeURIComponent(id)}`, { method: "DELETE" });

export const setWorkflowStatus = (id: string, action: "activate" | "pause" | "archive") =>
  api<WorkflowDocument>(`/api/workflows/${encodeURIComponent(id)}/${action}`, { method: "POST" });

export const latestExecution = async (workflowId: string, signal?: AbortSignal) =>
  (await api<Page<ExecutionSummary>>(`/api/executions${q({ workflowId, limit: 1 })}`, { signal })).items[0] ?? null;

export const workflowStats = (id: string, period: string, signal?: AbortSignal) =>
  api<WorkflowStats>(`/api/workflows/${encodeURIComponent(id)}/stats${q({ period })}`, { signal });

/** The smallest document the validator accepts: one manual trigger, so a new workflow opens runnable. */
export function blankWorkflow(name: string): WorkflowDocument {
  return {
    name,
    definition: {
      nodes: [{ id: "start", type: "trigger", position: { x: 0, y: 0 }, data: { label: "Manual trigger" }, config: { kind: "manual" } }],
      edges: [],
    },
  };
}

/** Copies a workflow under a free name ("X (copy)", "X (copy 2)", …); the copy starts as a draft. */
export async function duplicateWorkflow(id: string): Promise<WorkflowDocument> {
  const source = await getWorkflow(id);
  const body: WorkflowDocument = {
    name: source.name,
    description: source.description,
    category: source.category,
    definition: source.definition,
    settings: source.settings,
  };
  for (let n = 1; n <= 20; n++) {
    try {
      return await createWorkflow({ ...body, name: `${source.name} (copy${n > 1 ? ` ${n}` : ""})` });
    } catch (e) {
      if (!(e instanceof ApiError && e.code === "name_conflict")) throw e;
    }
  }
  throw new Error("No free name for the copy.");
}

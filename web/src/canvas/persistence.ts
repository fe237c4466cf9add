// Loading and saving the workflow: GET with the ETag kept for If-Match; PUT answers 412/409 on a conflict,
// which becomes the conflict banner (reload or overwrite), never a silent overwrite.
import { api, apiRequest, ApiError } from "../api/client";
import { useDesigner } from "../store";
import { toDefinition } from "./convert";
import type { ValidationProblem, WorkflowDocument } from "./types";

const store = () => useDesigner.getState();

export function parseEtag(etag: string | null): number | null {
  if (!etag) return null;
  const n = Number.parseInt(etag.replace(/^W\//, "").replace(/"/g, "").trim(), 10);
  return Number.isFinite(n) ? n : null;
}

export async function loadWorkflow(id: string): Promise<void> {
  const r = await apiRequest<WorkflowDocument>(`/api/workflows/${encodeURIComponent(id)}`);
  store().loadWorkflow(r.data, parseEtag(r.headers.get("ETag")) ?? r.data.version ?? 1);
}

/** The document as currently edited. */
export function currentDocument(): WorkflowDocument {
  const s = store();
  const base = s.doc ?? { name: s.name, definition: { nodes: [], edges: [] } };
  return { ...base, name: s.name, definition: toDefinition(s.nodes, s.edges, base.definition) };
}

let inFlight: Promise<boolean> | null = null;

/** Saves when dirty. Resolves true when the canvas is saved afterwards. */
export async function save(options: { overwrite?: boolean } = {}): Promise<boolean> {
  if (inFlight) {
    await inFlight;
    if (!options.overwrite && store().revision === store().savedRevision) return true;
  }
  inFlight = doSave(options).finally(() => (inFlight = null));
  return inFlight;
}

async function doSave({ overwrite }: { overwrite?: boolean }): Promise<boolean> {
  const s = store();
  if (!s.workflowId) return false;
  if (!overwrite && s.revision === s.savedRevision && s.saveStatus === "idle") return true;
  if (s.saveStatus === "conflict" && !overwrite) return false;
  const revision = s.revision;
  const doc = currentDocument();
  s.setSaveStatus("saving");
  try {
    let version = s.version ?? 1;
    if (overwrite) {
      const latest = await apiRequest<WorkflowDocument>(`/api/workflows/${encodeURIComponent(s.workflowId)}`);
      version = parseEtag(latest.headers.get("ETag")) ?? latest.data.version ?? version;
    }
    const r = await apiRequest<WorkflowDocument>(`/api/workflows/${encodeURIComponent(s.workflowId)}`, {
      method: "PUT",
      body: doc,
      headers: { "If-Match": `"${version}"` },
    });
    store().markSaved(r.data, parseEtag(r.headers.get("ETag")) ?? r.data.version ?? version + 1, revision);
    return store().revision === revision;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 412 || (e.status === 409 && e.code !== "name_conflict"))) {
      store().setSaveStatus("conflict", e.message);
    } else if (e instanceof ApiError && Array.isArray(e.problem.errors)) {
      store().setProblems({ valid: false, errors: e.problem.errors as ValidationProblem[] }, revision);
      store().setSaveStatus("error", `Not saved: ${e.message}`);
    } else {
      store().setSaveStatus("error", `Not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
    return false;
  }
}

/** Conflict resolution: drop local changes and load the server's version. */
export async function reloadFromServer(): Promise<void> {
  const id = store().workflowId;
  if (id) await loadWorkflow(id);
}

export async function setStatus(action: "activate" | "pause"): Promise<void> {
  const s = store();
  if (!s.workflowId) return;
  if (s.revision !== s.savedRevision && !(await save())) throw new Error("Save the workflow first.");
  const doc = await api<WorkflowDocument>(`/api/workflows/${encodeURIComponent(s.workflowId)}/${action}`, { method: "POST" });
  store().setWorkflowStatus(doc.status ?? (action === "activate" ? "active" : "paused"));
}

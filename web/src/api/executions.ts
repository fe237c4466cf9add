// Calls of /api/executions used by the executions page.
import { api } from "./client";
import { query } from "./workflows";
import type { Execution, ExecutionSummary, Page } from "./types";

export interface ExecutionFilter {
  workflowId?: string;
  status?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string | null;
}

export const listExecutions = (filter: ExecutionFilter, signal?: AbortSignal) =>
  api<Page<ExecutionSummary>>(`/api/executions${query({ ...filter })}`, { signal });

export const getExecution = (id: string) => api<Execution>(`/api/executions/${encodeURIComponent(id)}`);

export const controlExecution = (id: string, action: "cancel" | "retry" | "pause" | "resume") =>
  api<Execution>(`/api/executions/${encodeURIComponent(id)}/${action}`, { method: "POST" });

export const signalExecution = (id: string, nodeId: string, payload: unknown) =>
  api<Execution>(`/api/executions/${encodeURIComponent(id)}/signals/${encodeURIComponent(nodeId)}`, { method: "POST", body: payload });

export const isTerminal = (status: string) => status === "completed" || status === "failed" || status === "cancelled";

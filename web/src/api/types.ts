// Wire shapes of the JSON endpoints the operator pages use. The OpenAPI document types these bodies as
// JsonObject, so the generated schema.d.ts cannot; DESIGN.md §2 and §5 are the source of these names.

export type WorkflowStatus = "draft" | "active" | "paused" | "archived";
export type ExecutionStatus = "running" | "waiting" | "paused" | "completed" | "failed" | "cancelled";
export type NodeStatus = "pending" | "running" | "waiting" | "completed" | "failed" | "skipped" | "cancelled";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface WorkflowSummary {
  id: string;
  name: string;
  description: string | null;
  category: string | null;
  status: WorkflowStatus;
  version: number;
  updatedAt: string;
}

export interface WorkflowNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  data?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

export interface WorkflowEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

export interface WorkflowDocument {
  id?: string;
  name: string;
  description?: string | null;
  category?: string | null;
  status?: WorkflowStatus;
  version?: number;
  definition: { nodes: WorkflowNode[]; edges: WorkflowEdge[]; variables?: { name: string; default?: unknown }[] };
  settings?: Record<string, unknown>;
  createdAt?: string;
  updatedAt?: string;
}

export interface ExecutionError {
  code: string;
  message: string;
  nodeId?: string | null;
}

export interface ExecutionSummary {
  id: string;
  workflowId: string;
  workflowName?: string | null;
  workflowVersion: number;
  status: ExecutionStatus;
  triggeredBy: string;
  startedAt: string;
  completedAt: string | null;
  durationMs: number | null;
  error: ExecutionError | null;
}

export interface NodeRun {
  nodeId: string;
  status: NodeStatus;
  attempts: number;
  startedAt: string | null;
  completedAt: string | null;
  output: unknown;
  error: ExecutionError | null;
}

export interface Execution extends ExecutionSummary {
  result: unknown;
  nodes: NodeRun[];
}

export interface NodeStats {
  nodeId: string;
  count: number;
  avgDurationMs: number | null;
  p95DurationMs: number | null;
  failures: number;
}

export interface WorkflowStats {
  workflowId: string;
  period: string;
  from: string;
  to: string;
  total: number;
  byStatus: Record<string, number>;
  successRate: number | null;
  avgDurationMs: number | null;
  p95DurationMs: number | null;
  nodes: NodeStats[];
}

export interface TokenResponse {
  accessToken: string;
  expiresAt: string;
}

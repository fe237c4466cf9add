// Execution shapes: `GET /api/executions/{id}` (snapshot) and the hub's events (DESIGN §5).
export type NodeStatus = "idle" | "pending" | "running" | "completed" | "failed" | "skipped" | "waiting" | "cancelled";

export interface RunError {
  code?: string;
  message?: string;
  nodeId?: string | null;
  [key: string]: unknown;
}

export interface NodeRun {
  nodeId: string;
  status: string;
  attempts?: number;
  runs?: number;
  startedAt?: string | null;
  completedAt?: string | null;
  durationMs?: number | null;
  input?: unknown;
  output?: unknown;
  outputTruncated?: boolean;
  error?: RunError | null;
}

export interface ExecutionSnapshot {
  id: string;
  workflowId: string;
  workflowVersion?: number;
  status: string;
  triggeredBy?: string;
  startedAt?: string | null;
  completedAt?: string | null;
  durationMs?: number | null;
  result?: unknown;
  error?: RunError | null;
  nodes: NodeRun[];
  /** Last hub sequence the snapshot covers (absent in builds without the hub). */
  sequence?: number;
}

export type EventKind = "NodeStarted" | "NodeCompleted" | "NodeFailed" | "NodeRetrying" | "NodeWaiting" | "NodeSkipped" | "ExecutionStatusChanged";

export interface ExecutionEvent {
  kind: EventKind | string;
  executionId: string;
  workflowId?: string;
  sequence: number;
  timestamp?: string;
  nodeId?: string | null;
  status: string;
  attempt?: number | null;
  durationMs?: number | null;
  error?: RunError | null;
  output?: unknown;
  outputTruncated?: boolean;
}

/** What the canvas shows: execution status plus the latest record per node. */
export interface RunView {
  executionId: string;
  workflowId?: string;
  status: string;
  error?: RunError | null;
  result?: unknown;
  startedAt?: string | null;
  completedAt?: string | null;
  nodes: Record<string, NodeRun>;
}

// The workflow document as the API speaks it (DESIGN §2). The OpenAPI document types it as a bare
// JsonObject, so the designer names the fields it reads here; unknown fields are carried through untouched.
import type { components } from "../api/schema";

export type NodeDescriptor = components["schemas"]["NodeDescriptor"];
export type NodePort = components["schemas"]["NodePort"];

export interface XY {
  x: number;
  y: number;
}

export interface DocNode {
  id: string;
  type: string;
  position: XY;
  data?: { label?: string; [key: string]: unknown };
  config?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface DocEdge {
  id: string;
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
  [key: string]: unknown;
}

export interface Definition {
  nodes: DocNode[];
  edges: DocEdge[];
  variables?: unknown[];
  [key: string]: unknown;
}

export interface WorkflowDocument {
  id?: string;
  name: string;
  description?: string | null;
  category?: string | null;
  status?: string;
  version?: number;
  definition: Definition;
  settings?: Record<string, unknown>;
  [key: string]: unknown;
}

/** One entry of `POST /api/workflows/validate` → `{valid, errors, warnings}`. */
export interface ValidationProblem {
  code: string;
  message: string;
  nodeId?: string | null;
  edgeId?: string | null;
  severity?: "error" | "warning";
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationProblem[];
  warnings?: ValidationProblem[];
}

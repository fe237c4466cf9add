// React Flow shapes used by the canvas: one custom node type and one custom edge type for every workflow node/edge.
import type { Edge, Node } from "@xyflow/react";
import type { DocNode } from "./types";

export interface WfNodeData extends Record<string, unknown> {
  /** Workflow node type (trigger, if, …). */
  type: string;
  /** The document's `data` object (label and anything else), kept as is. */
  data: NonNullable<DocNode["data"]>;
  config: Record<string, unknown>;
  /** Document fields the designer does not know, carried through a round trip. */
  extra?: Record<string, unknown>;
}

export type WfNode = Node<WfNodeData, "wf">;

export interface WfEdgeData extends Record<string, unknown> {
  extra?: Record<string, unknown>;
}

export type WfEdge = Edge<WfEdgeData, "wf">;

export interface GraphSnapshot {
  nodes: WfNode[];
  edges: WfEdge[];
}

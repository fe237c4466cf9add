// Graph slice: the workflow being edited (nodes, edges, history, save state, validation problems). Owned by the canvas.
// Run status is not kept here: the overlay is derived from the run slice.
import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from "@xyflow/react";
import type { StateCreator } from "zustand";
import type { DesignerState } from "./index";
import type { GraphSnapshot, WfEdge, WfNode } from "../canvas/flowTypes";
import type { Definition, DocEdge, DocNode, NodeDescriptor, ValidationProblem, ValidationResult, WorkflowDocument, XY } from "../canvas/types";
import { toFlow, toFlowEdge, toFlowNode } from "../canvas/convert";
import { emptyHistory, record, redo, undo, type History } from "../canvas/history";
import { freshEdgeId, freshNodeId } from "../canvas/clipboard";
import { layoutPositions } from "../canvas/layout";

export type SaveStatus = "idle" | "saving" | "conflict" | "error";
export type SaveState = "saved" | "dirty" | "saving" | "conflict" | "error";

export interface GraphSlice {
  workflowId: string | null;
  /** The document as last loaded or saved (meta fields and the base definition). */
  doc: WorkflowDocument | null;
  name: string;
  workflowStatus: string;
  version: number | null;
  nodes: WfNode[];
  edges: WfEdge[];
  descriptors: Record<string, NodeDescriptor>;
  descriptorList: NodeDescriptor[];
  history: History<GraphSnapshot>;
  /** Bumped on every document change; equal to savedRevision when nothing is unsaved. */
  revision: number;
  savedRevision: number;
  saveStatus: SaveStatus;
  saveError: string | null;
  problems: ValidationProblem[];
  problemsRevision: number;
  invalidNodes: Record<string, true>;
  invalidEdges: Record<string, true>;
  snapToGrid: boolean;
  dragBefore: GraphSnapshot | null;

  setDescriptors: (list: NodeDescriptor[]) => void;
  loadWorkflow: (doc: WorkflowDocument, version: number) => void;
  markSaved: (doc: WorkflowDocument, version: number, revision: number) => void;
  setWorkflowStatus: (status: string) => void;
  setSaveStatus: (status: SaveStatus, error?: string | null) => void;
  setName: (name: string) => void;
  onNodesChange: (changes: NodeChange<WfNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<WfEdge>[]) => void;
  connect: (c: Connection) => void;
  addNode: (type: string, position: XY) => string;
  deleteSelection: () => void;
  updateConfig: (id: string, config: Record<string, unknown>) => void;
  updateLabel: (id: string, label: string) => void;
  pasteNodes: (nodes: DocNode[], edges: DocEdge[]) => void;
  restoreDefinition: (def: Definition) => void;
  autoLayout: () => void;
  moveSelected: (dx: number, dy: number) => void;
  selectOnly: (nodeIds: string[], edgeIds?: string[]) => void;
  undo: () => void;
  redo: () => void;
  dragStart: () => void;
  dragStop: () => void;
  setProblems: (result: ValidationResult, revision: number) => void;
  toggleSnap: () => void;
}

export function saveStateOf(s: Pick<GraphSlice, "saveStatus" | "revision" | "savedRevision">): SaveState {
  return s.saveStatus !== "idle" ? s.saveStatus : s.revision === s.savedRevision ? "saved" : "dirty";
}

export const createGraphSlice: StateCreator<DesignerState, [], [], GraphSlice> = (set, get) => {
  const snapshot = (): GraphSnapshot => ({ nodes: get().nodes, edges: get().edges });
  /** Applies a document change, recording the prior graph for undo. */
  const change = (next: Partial<GraphSnapshot>, key?: string) =>
    set((s) => ({
      ...next,
      history: record(s.history, { nodes: s.nodes, edges: s.edges }, key),
      revision: s.revision + 1,
      saveStatus: s.saveStatus === "error" ? "idle" : s.saveStatus,
    }));

  return {
    workflowId: null,
    doc: null,
    name: "",
    workflowStatus: "draft",
    version: null,
    nodes: [],
    edges: [],
    descriptors: {},
    descriptorList: [],
    history: emptyHistory(),
    revision: 0,
    savedRevision: 0,
    saveStatus: "idle",
    saveError: null,
    problems: [],
    problemsRevision: -1,
    invalidNodes: {},
    invalidEdges: {},
    snapToGrid: typeof localStorage === "undefined" || localStorage.getItem("workflow.snap") !== "false",
    dragBefore: null,

    setDescriptors: (list) => set({ descriptorList: list, descriptors: Object.fromEntries(list.map((d) => [d.type, d])) }),
    loadWorkflow: (doc, version) => {
      const { nodes, edges } = toFlow(doc.definition ?? { nodes: [], edges: [] });
      set((s) => ({
        workflowId: doc.id ?? null, doc, name: doc.name, workflowStatus: doc.status ?? "draft", version, nodes, edges,
        history: emptyHistory(), revision: s.revision + 1, savedRevision: s.revision + 1, saveStatus: "idle", saveError: null,
        problems: [], invalidNodes: {}, invalidEdges: {}, problemsRevision: -1,
      }));
    },
    markSaved: (doc, version, revision) => set({ doc, version, savedRevision: revision, workflowStatus: doc.status ?? get().workflowStatus, saveStatus: "idle", saveError: null }),
    setWorkflowStatus: (workflowStatus) => set((s) => ({ workflowStatus, doc: s.doc ? { ...s.doc, status: workflowStatus } : s.doc })),
    setSaveStatus: (saveStatus, saveError = null) => set({ saveStatus, saveError }),
    setName: (name) => set((s) => ({ name, revision: s.revision + 1, saveStatus: s.saveStatus === "error" ? "idle" : s.saveStatus })),

    onNodesChange: (changes) => {
      const s = get();
      let moved = false;
      let dragging = false;
      for (const c of changes) {
        if (c.type === "position") {
          if (c.dragging) dragging = true;
          else moved = true;
        }
      }
      const nodes = applyNodeChanges(changes, s.nodes);
      if (moved && !dragging && !s.dragBefore) change({ nodes }, "move");
      else set({ nodes });
    },
    onEdgesChange: (changes) => set((s) => ({ edges: applyEdgeChanges(changes, s.edges) })),
    connect: (c) => {
      const s = get();
      const id = freshEdgeId(new Set(s.edges.map((e) => e.id)));
      const edge: WfEdge = { id, type: "wf", source: c.source, target: c.target, sourceHandle: c.sourceHandle ?? null, targetHandle: c.targetHandle ?? null };
      change({ edges: [...s.edges, edge] });
    },
    addNode: (type, position) => {
      const s = get();
      const id = freshNodeId(type, new Set(s.nodes.map((n) => n.id)));
      const node = { ...toFlowNode({ id, type, position, config: {} }), selected: true };
      change({ nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node], edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)) });
      return id;
    },
    deleteSelection: () => {
      const s = get();
      const gone = new Set(s.nodes.filter((n) => n.selected).map((n) => n.id));
      const edges = s.edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
      if (gone.size === 0 && edges.length === s.edges.length) return;
      change({ nodes: s.nodes.filter((n) => !gone.has(n.id)), edges });
    },
    updateConfig: (id, config) =>
      change({ nodes: get().nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, config } } : n)) }, `config:${id}`),
    updateLabel: (id, label) =>
      change(
        {
          nodes: get().nodes.map((n) => {
            if (n.id !== id) return n;
            const data = { ...n.data.data };
            if (label) data.label = label;
            else delete data.label;
            return { ...n, data: { ...n.data, data } };
          }),
        },
        `label:${id}`,
      ),
    pasteNodes: (docNodes, docEdges) => {
      const s = get();
      const nodes = [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...docNodes.map((n) => ({ ...toFlowNode(n), selected: true }))];
      const edges = [...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...docEdges.map(toFlowEdge)];
      change({ nodes, edges });
    },
    restoreDefinition: (def) => change(toFlow(def)),
    autoLayout: () => {
      const s = get();
      const pos = layoutPositions(s.nodes, s.edges);
      change({ nodes: s.nodes.map((n) => (pos.has(n.id) ? { ...n, position: pos.get(n.id)! } : n)) });
    },
    moveSelected: (dx, dy) => {
      const s = get();
      if (!s.nodes.some((n) => n.selected)) return;
      change({ nodes: s.nodes.map((n) => (n.selected ? { ...n, position: { x: n.position.x + dx, y: n.position.y + dy } } : n)) }, "move");
    },
    selectOnly: (nodeIds, edgeIds = []) => {
      const ns = new Set(nodeIds);
      const es = new Set(edgeIds);
      set((s) => ({
        nodes: s.nodes.map((n) => (!!n.selected === ns.has(n.id) ? n : { ...n, selected: ns.has(n.id) })),
        edges: s.edges.map((e) => (!!e.selected === es.has(e.id) ? e : { ...e, selected: es.has(e.id) })),
      }));
    },
    undo: () => {
      const s = get();
      const r = undo(s.history, snapshot());
      if (r) set({ ...r.state, history: r.history, revision: s.revision + 1 });
    },
    redo: () => {
      const s = get();
      const r = redo(s.history, snapshot());
      if (r) set({ ...r.state, history: r.history, revision: s.revision + 1 });
    },
    dragStart: () => set({ dragBefore: snapshot() }),
    dragStop: () => {
      const before = get().dragBefore;
      if (!before) return;
      set({ dragBefore: null });
      const s = get();
      if (before.nodes !== s.nodes) set({ history: record(s.history, before), revision: s.revision + 1 });
    },
    setProblems: (result, revision) => {
      const problems = [
        ...(result.errors ?? []).map((p) => ({ ...p, severity: "error" as const })),
        ...(result.warnings ?? []).map((p) => ({ ...p, severity: "warning" as const })),
      ];
      const invalidNodes: Record<string, true> = {};
      const invalidEdges: Record<string, true> = {};
      for (const p of problems) {
        if (p.severity !== "error") continue;
        if (p.nodeId) invalidNodes[p.nodeId] = true;
        if (p.edgeId) invalidEdges[p.edgeId] = true;
      }
      set({ problems, invalidNodes, invalidEdges, problemsRevision: revision });
    },
    toggleSnap: () => {
      const snapToGrid = !get().snapToGrid;
      if (typeof localStorage !== "undefined") localStorage.setItem("workflow.snap", String(snapToGrid));
      set({ snapToGrid });
    },
  };
};

import { describe, expect, it } from "vitest";
import { create } from "zustand";
import { createGraphSlice, saveStateOf } from "../store/graphSlice";
import { createRunSlice } from "../store/runSlice";
import type { DesignerState } from "../store/index";
import { toDefinition } from "./convert";

// The graph and run slices without the UI slice (which needs a browser).
const makeStore = () =>
  create<DesignerState>()((...a) => ({ ...createGraphSlice(...a), ...createRunSlice(...a) }) as unknown as DesignerState);

const doc = {
  id: "w1", name: "wf", status: "draft", version: 3,
  definition: {
    nodes: [
      { id: "start", type: "trigger", position: { x: 0, y: 0 }, config: { kind: "manual" } },
      { id: "set_1", type: "set", position: { x: 200, y: 0 }, config: {} },
    ],
    edges: [{ id: "e_1", source: "start", target: "set_1" }],
  },
};

describe("graph slice", () => {
  it("loadWorkflow_isSaved_andAnEditMakesItDirty", () => {
    const s = makeStore();
    s.getState().loadWorkflow(doc, 3);
    expect(saveStateOf(s.getState())).toBe("saved");
    s.getState().addNode("if", { x: 400, y: 0 });
    expect(saveStateOf(s.getState())).toBe("dirty");
    expect(s.getState().nodes.map((n) => n.id)).toEqual(["start", "set_1", "if_1"]);
  });

  it("deleteSelection_removesConnectedEdges_andUndoRestoresBoth", () => {
    const s = makeStore();
    s.getState().loadWorkflow(doc, 3);
    s.getState().selectOnly(["set_1"]);
    s.getState().deleteSelection();
    expect(s.getState().nodes.map((n) => n.id)).toEqual(["start"]);
    expect(s.getState().edges).toEqual([]);
    s.getState().undo();
    expect(s.getState().nodes.map((n) => n.id)).toEqual(["start", "set_1"]);
    expect(s.getState().edges.map((e) => e.id)).toEqual(["e_1"]);
    s.getState().redo();
    expect(s.getState().edges).toEqual([]);
  });

  it("configEdits_coalesceIntoOneUndoStep", () => {
    const s = makeStore();
    s.getState().loadWorkflow(doc, 3);
    s.getState().updateConfig("set_1", { values: { a: 1 } });
    s.getState().updateConfig("set_1", { values: { a: 12 } });
    expect(s.getState().history.past).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().nodes[1].data.config).toEqual({});
  });

  it("connect_thenPaste_giveFreshIds_andTheDocumentRoundTrips", () => {
    const s = makeStore();
    s.getState().loadWorkflow(doc, 3);
    s.getState().connect({ source: "set_1", target: "start", sourceHandle: "out", targetHandle: null });
    s.getState().pasteNodes([{ id: "set_2", type: "set", position: { x: 0, y: 100 }, config: {} }], []);
    const def = toDefinition(s.getState().nodes, s.getState().edges);
    expect(def.edges.map((e) => e.id)).toEqual(["e_1", "e_2"]);
    expect(def.nodes.map((n) => n.id)).toEqual(["start", "set_1", "set_2"]);
    expect(s.getState().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(["set_2"]);
  });

  it("markSaved_forAnOlderRevision_leavesItDirty", () => {
    const s = makeStore();
    s.getState().loadWorkflow(doc, 3);
    s.getState().setName("renamed");
    const rev = s.getState().revision;
    s.getState().setName("renamed again");
    s.getState().markSaved({ ...doc, name: "renamed", version: 4 }, 4, rev);
    expect(s.getState().version).toBe(4);
    expect(saveStateOf(s.getState())).toBe("dirty");
  });

  it("setProblems_marksNodesAndEdgesOfErrorsOnly", () => {
    const s = makeStore();
    s.getState().setProblems({ valid: false, errors: [{ code: "x", message: "", nodeId: "set_1" }, { code: "y", message: "", edgeId: "e_1" }], warnings: [{ code: "w", message: "", nodeId: "start" }] }, 1);
    expect(s.getState().invalidNodes).toEqual({ set_1: true });
    expect(s.getState().invalidEdges).toEqual({ e_1: true });
    expect(s.getState().problems.map((p) => p.severity)).toEqual(["error", "error", "warning"]);
  });
});

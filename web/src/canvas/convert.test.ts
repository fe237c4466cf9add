import { describe, expect, it } from "vitest";
import { toDefinition, toFlow } from "./convert";
import type { Definition } from "./types";

const definition: Definition = {
  nodes: [
    { id: "start", type: "trigger", position: { x: 0, y: 0 }, data: { label: "Invoice received" }, config: { kind: "webhook", path: "invoices", method: "POST" } },
    { id: "big", type: "if", position: { x: 240, y: 10.5 }, config: { condition: "{{ trigger.body.amount > 1000 }}" }, notes: "kept" },
    { id: "approve", type: "wait", position: { x: 480, y: 0 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "start", target: "big" },
    { id: "e2", source: "big", sourceHandle: "true", target: "approve", label: "yes" },
  ],
  variables: [{ name: "approver", default: "cfo@example.com" }],
};

describe("document ⇄ React Flow", () => {
  it("toFlow_thenToDefinition_roundTripsTheDocument", () => {
    const { nodes, edges } = toFlow(definition);
    expect(toDefinition(nodes, edges, definition)).toEqual(definition);
  });

  it("toFlow_mapsHandlesAndKeepsTheWorkflowTypeInData", () => {
    const { nodes, edges } = toFlow(definition);
    expect(nodes[1]).toMatchObject({ id: "big", type: "wf", position: { x: 240, y: 10.5 }, data: { type: "if", config: { condition: "{{ trigger.body.amount > 1000 }}" } } });
    expect(edges[0]).toMatchObject({ source: "start", target: "big", sourceHandle: null, targetHandle: null });
    expect(edges[1].sourceHandle).toBe("true");
  });

  it("toDefinition_omitsEmptyDataAndAbsentHandles", () => {
    const { nodes, edges } = toFlow({ nodes: [{ id: "a", type: "set", position: { x: 1, y: 2 } }], edges: [{ id: "e", source: "a", target: "a" }] });
    const out = toDefinition(nodes, edges);
    expect(out.nodes[0]).toEqual({ id: "a", type: "set", position: { x: 1, y: 2 }, config: {} });
    expect(out.edges[0]).toEqual({ id: "e", source: "a", target: "a" });
  });
});

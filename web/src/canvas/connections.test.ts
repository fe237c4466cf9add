import { describe, expect, it } from "vitest";
import { isValidConnection, type EdgeLike } from "./connections";
import type { NodeDescriptor } from "./types";

const d = (type: string, inputs: number): NodeDescriptor => ({
  type, category: "flow", name: type, description: "", icon: "", color: "#000",
  inputs: inputs ? [{ id: "in", label: "In" }] : [], outputs: [{ id: "out", label: "Out" }], configSchema: {},
});
const descriptors: Record<string, NodeDescriptor> = { trigger: d("trigger", 0), set: d("set", 1), loop: d("loop", 1), if: d("if", 1) };
const types: Record<string, string> = { t: "trigger", a: "set", b: "set", c: "if", l: "loop", x: "set" };
const valid = (c: { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null }, edges: EdgeLike[] = []) =>
  isValidConnection(c, (id) => types[id], (t) => descriptors[t], edges);

describe("isValidConnection", () => {
  it("rejects a self loop", () => expect(valid({ source: "a", target: "a" })).toBe(false));
  it("rejects a target without inputs (trigger)", () => expect(valid({ source: "a", target: "t" })).toBe(false));
  it("accepts a plain forward connection", () => expect(valid({ source: "t", target: "a", sourceHandle: "out", targetHandle: "in" })).toBe(true));
  it("rejects a duplicate edge between the same handles", () => {
    const edges = [{ id: "e", source: "a", target: "b", sourceHandle: "out", targetHandle: "in" }];
    expect(valid({ source: "a", target: "b", sourceHandle: "out", targetHandle: "in" }, edges)).toBe(false);
  });
  it("accepts a second edge from another handle", () => {
    const edges = [{ id: "e", source: "c", target: "b", sourceHandle: "true", targetHandle: "in" }];
    expect(valid({ source: "c", target: "b", sourceHandle: "false", targetHandle: "in" }, edges)).toBe(true);
  });
  it("rejects a cycle that does not go through a loop", () => {
    const edges = [{ id: "e1", source: "a", target: "b" }, { id: "e2", source: "b", target: "c" }];
    expect(valid({ source: "c", target: "a" }, edges)).toBe(false);
  });
  it("accepts a back edge into a loop node", () => {
    const edges = [{ id: "e1", source: "l", target: "a", sourceHandle: "body" }, { id: "e2", source: "a", target: "b" }];
    expect(valid({ source: "b", target: "l" }, edges)).toBe(true);
  });
  it("rejects unknown nodes", () => expect(valid({ source: "a", target: "zz" })).toBe(false));
});

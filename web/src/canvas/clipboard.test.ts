import { describe, expect, it } from "vitest";
import { makeClip, parseClip, rebaseClip } from "./clipboard";
import type { DocEdge, DocNode } from "./types";

const nodes: DocNode[] = [
  { id: "set_1", type: "set", position: { x: 0, y: 0 }, config: { values: { a: 1 } } },
  { id: "if_1", type: "if", position: { x: 200, y: 0 }, config: { condition: "{{ true }}" } },
  { id: "other", type: "set", position: { x: 400, y: 0 }, config: {} },
];
const edges: DocEdge[] = [
  { id: "e_1", source: "set_1", target: "if_1" },
  { id: "e_2", source: "if_1", sourceHandle: "true", target: "other" },
];

describe("copy/paste", () => {
  it("makeClip_keepsSelectedNodesAndTheEdgesBetweenThem", () => {
    const clip = makeClip(nodes, edges, new Set(["set_1", "if_1"]));
    expect(clip.nodes.map((n) => n.id)).toEqual(["set_1", "if_1"]);
    expect(clip.edges.map((e) => e.id)).toEqual(["e_1"]);
  });

  it("parseClip_roundTripsThroughJson_andRejectsOtherText", () => {
    const clip = makeClip(nodes, edges, new Set(["set_1"]));
    expect(parseClip(JSON.stringify(clip))).toEqual(clip);
    expect(parseClip("hello")).toBeNull();
    expect(parseClip('{"nodes":[]}')).toBeNull();
  });

  it("rebaseClip_reIdsNodesAndEdges_rewiresEdges_andOffsets", () => {
    const clip = makeClip(nodes, edges, new Set(["set_1", "if_1"]));
    const out = rebaseClip(clip, new Set(nodes.map((n) => n.id)), new Set(edges.map((e) => e.id)), { x: 40, y: 40 });
    expect(out.nodes.map((n) => n.id)).toEqual(["set_2", "if_2"]);
    expect(out.nodes[1].position).toEqual({ x: 240, y: 40 });
    expect(out.nodes[0].config).toEqual({ values: { a: 1 } });
    expect(out.nodes[0].config).not.toBe(nodes[0].config);
    expect(out.edges).toEqual([{ id: "e_3", source: "set_2", target: "if_2" }]);
  });

  it("rebaseClip_intoAnEmptyWorkflow_keepsReadableIds", () => {
    const clip = makeClip(nodes, edges, new Set(["set_1", "if_1", "other"]));
    const out = rebaseClip(clip, new Set(), new Set(), { x: 0, y: 0 });
    expect(out.nodes.map((n) => n.id)).toEqual(["set_1", "if_1", "set_2"]);
    expect(out.edges.map((e) => [e.source, e.target])).toEqual([["set_1", "if_1"], ["if_1", "set_2"]]);
  });
});

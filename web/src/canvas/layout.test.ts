import { describe, expect, it } from "vitest";
import { layoutPositions } from "./layout";
import { toFlow } from "./convert";

describe("auto-layout", () => {
  it("lays a chain out left to right and branches apart vertically", () => {
    const { nodes, edges } = toFlow({
      nodes: ["t", "a", "b", "c"].map((id) => ({ id, type: "set", position: { x: 0, y: 0 } })),
      edges: [{ id: "1", source: "t", target: "a" }, { id: "2", source: "a", target: "b" }, { id: "3", source: "a", target: "c" }],
    });
    const p = layoutPositions(nodes, edges);
    expect(p.get("t")!.x).toBeLessThan(p.get("a")!.x);
    expect(p.get("a")!.x).toBeLessThan(p.get("b")!.x);
    expect(p.get("b")!.x).toBe(p.get("c")!.x);
    expect(p.get("b")!.y).not.toBe(p.get("c")!.y);
  });
});

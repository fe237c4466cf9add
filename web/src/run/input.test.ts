import { describe, expect, it } from "vitest";
import { deriveNodeInput } from "./input";
import type { NodeRun } from "./types";

const run = (nodeId: string, status: string, output?: unknown): NodeRun => ({ nodeId, status, output });

describe("node input", () => {
  it("deriveNodeInput_onePredecessor_isItsOutput", () => {
    const runs = { a: run("a", "completed", { x: 1 }), b: run("b", "completed", 2) };
    expect(deriveNodeInput("b", [{ source: "a", target: "b" }], runs)).toEqual({ x: 1 });
  });

  it("deriveNodeInput_severalPredecessors_isKeyedByNodeId", () => {
    const runs = { a: run("a", "completed", 1), b: run("b", "completed", 2), m: run("m", "completed") };
    const edges = [{ source: "a", target: "m" }, { source: "b", target: "m" }];
    expect(deriveNodeInput("m", edges, runs)).toEqual({ a: 1, b: 2 });
  });

  it("deriveNodeInput_skippedOrFailedPredecessor_contributesNothing", () => {
    const runs = { a: run("a", "skipped"), b: run("b", "failed"), c: run("c", "Completed", "ok") };
    const edges = [{ source: "a", target: "m" }, { source: "b", target: "m" }, { source: "c", target: "m" }];
    expect(deriveNodeInput("m", edges, runs)).toBe("ok");
  });

  it("deriveNodeInput_triggerOrNothingArrived_isUndefined", () => {
    expect(deriveNodeInput("t", [{ source: "t", target: "a" }], { t: run("t", "completed", {}) })).toBeUndefined();
  });
});

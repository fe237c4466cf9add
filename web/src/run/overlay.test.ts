import { describe, expect, it } from "vitest";
import { deriveOverlay, nodeStatus, progress } from "./overlay";
import type { RunView } from "./types";

const view = (status: string, nodes: Record<string, string>): RunView => ({
  executionId: "x", status, nodes: Object.fromEntries(Object.entries(nodes).map(([id, s]) => [id, { nodeId: id, status: s }])),
});

describe("run overlay", () => {
  it("nodeStatus_isIdleWithoutARun", () => expect(nodeStatus(null, "a")).toBe("idle"));

  it("nodeStatus_isPendingForUnreachedNodesOfARunningExecution_andIdleOnceItEnded", () => {
    expect(nodeStatus(view("running", {}), "a")).toBe("pending");
    expect(nodeStatus(view("completed", {}), "a")).toBe("idle");
  });

  it("deriveOverlay_reportsStatusPerNodeAndTheEdgesTaken", () => {
    const v = view("failed", { t: "completed", i: "completed", yes: "skipped", no: "failed" });
    const o = deriveOverlay(v, ["t", "i", "yes", "no", "after"], [
      { id: "e1", source: "t", target: "i" },
      { id: "e2", source: "i", target: "yes" },
      { id: "e3", source: "i", target: "no" },
      { id: "e4", source: "no", target: "after" },
    ]);
    expect(o.nodes).toEqual({ t: "completed", i: "completed", yes: "skipped", no: "failed", after: "idle" });
    expect(o.taken).toEqual({ e1: true, e2: false, e3: true, e4: false });
  });

  it("retrying_isShownAsRunning", () => expect(nodeStatus(view("running", { a: "retrying" }), "a")).toBe("running"));

  it("progress_countsFinishedNodes", () => {
    expect(progress(view("running", { a: "completed", b: "running", c: "skipped" }), 4)).toEqual({ done: 2, total: 4 });
  });
});

import { describe, expect, it } from "vitest";
import { emptyMerge, receiveEvent, receiveSnapshot } from "./merge";
import type { ExecutionEvent, ExecutionSnapshot } from "./types";

const ev = (sequence: number, kind: string, nodeId: string | null, status: string, extra: Partial<ExecutionEvent> = {}): ExecutionEvent => ({
  kind, executionId: "x", sequence, nodeId, status, timestamp: `2026-01-01T00:00:0${sequence}Z`, ...extra,
});
const snapshot = (sequence: number | undefined, nodes: ExecutionSnapshot["nodes"], status = "running"): ExecutionSnapshot => ({ id: "x", workflowId: "w", status, nodes, sequence });

describe("merging hub events with the snapshot", () => {
  it("eventsCoveredByTheSnapshot_areIgnored", () => {
    let m = emptyMerge();
    m = receiveEvent(m, ev(1, "NodeStarted", "a", "running"));
    m = receiveEvent(m, ev(2, "NodeCompleted", "a", "completed"));
    m = receiveSnapshot(m, snapshot(2, [{ nodeId: "a", status: "completed", attempts: 1, output: { ok: true } }]));
    expect(m.events).toEqual([]);
    m = receiveEvent(m, ev(1, "NodeStarted", "a", "running"));
    expect(m.view!.nodes.a.status).toBe("completed");
    expect(m.view!.nodes.a.output).toEqual({ ok: true });
  });

  it("laterEvents_areAppliedOnTopOfTheSnapshot", () => {
    let m = receiveSnapshot(emptyMerge(), snapshot(2, [{ nodeId: "a", status: "completed" }]));
    m = receiveEvent(m, ev(3, "NodeStarted", "b", "running", { attempt: 1 }));
    m = receiveEvent(m, ev(4, "NodeFailed", "b", "failed", { error: { code: "boom", message: "bad" }, durationMs: 12 }));
    m = receiveEvent(m, ev(5, "ExecutionStatusChanged", null, "failed"));
    expect(m.view!.nodes.b).toMatchObject({ status: "failed", attempts: 1, durationMs: 12, error: { code: "boom" } });
    expect(m.view!.status).toBe("failed");
  });

  it("eventsBufferedBeforeTheSnapshot_areMergedBySequence", () => {
    let m = emptyMerge();
    m = receiveEvent(m, ev(3, "NodeCompleted", "b", "completed"));
    m = receiveSnapshot(m, snapshot(2, [{ nodeId: "a", status: "completed" }, { nodeId: "b", status: "running" }]));
    expect(m.view!.nodes.b.status).toBe("completed");
    expect(m.view!.nodes.a.status).toBe("completed");
  });

  it("outOfOrderEvents_endInSequenceOrder", () => {
    let m = receiveSnapshot(emptyMerge(), snapshot(0, []));
    m = receiveEvent(m, ev(2, "NodeCompleted", "a", "completed", { output: 1 }));
    m = receiveEvent(m, ev(1, "NodeStarted", "a", "running"));
    expect(m.view!.nodes.a.status).toBe("completed");
    expect(m.view!.nodes.a.output).toBe(1);
    expect(m.events.map((e) => e.sequence)).toEqual([1, 2]);
  });

  it("duplicateEvents_areAppliedOnce", () => {
    let m = receiveSnapshot(emptyMerge(), snapshot(0, []));
    m = receiveEvent(m, ev(1, "NodeStarted", "a", "running"));
    m = receiveEvent(m, ev(2, "NodeRetrying", "a", "retrying", { attempt: 2 }));
    m = receiveEvent(m, ev(3, "NodeCompleted", "a", "completed"));
    const before = m;
    m = receiveEvent(m, ev(2, "NodeRetrying", "a", "retrying", { attempt: 2 }));
    m = receiveEvent(m, ev(3, "NodeCompleted", "a", "completed"));
    expect(m).toBe(before);
    expect(m.view!.nodes.a).toMatchObject({ status: "completed", attempts: 2 });
  });

  it("anOlderSnapshot_doesNotRollBackANewerOne", () => {
    let m = receiveSnapshot(emptyMerge(), snapshot(5, [{ nodeId: "a", status: "completed" }]));
    m = receiveSnapshot(m, snapshot(3, [{ nodeId: "a", status: "running" }]));
    expect(m.view!.nodes.a.status).toBe("completed");
  });

  it("snapshotWithoutSequence_replacesTheView_andComputesDurations", () => {
    const m = receiveSnapshot(emptyMerge(), snapshot(undefined, [{ nodeId: "a", status: "completed", startedAt: "2026-01-01T00:00:00Z", completedAt: "2026-01-01T00:00:01.5Z" }], "completed"));
    expect(m.view!.nodes.a.durationMs).toBe(1500);
    expect(m.view!.status).toBe("completed");
  });
});

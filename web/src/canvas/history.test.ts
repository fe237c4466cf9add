import { describe, expect, it } from "vitest";
import { emptyHistory, record, redo, undo } from "./history";

describe("undo/redo history", () => {
  it("undo_thenRedo_walksBackAndForth", () => {
    let h = emptyHistory<number>();
    h = record(h, 0, undefined, 1);
    h = record(h, 1, undefined, 2);
    let current = 2;
    const u1 = undo(h, current)!;
    expect(u1.state).toBe(1);
    const u2 = undo(u1.history, u1.state)!;
    expect(u2.state).toBe(0);
    expect(undo(u2.history, u2.state)).toBeNull();
    const r1 = redo(u2.history, u2.state)!;
    expect(r1.state).toBe(1);
    const r2 = redo(r1.history, r1.state)!;
    current = r2.state;
    expect(current).toBe(2);
    expect(redo(r2.history, current)).toBeNull();
  });

  it("record_afterUndo_dropsTheRedoBranch", () => {
    let h = record(emptyHistory<string>(), "a", undefined, 1);
    const u = undo(h, "b")!;
    h = record(u.history, "a", undefined, 2);
    expect(h.future).toEqual([]);
    expect(redo(h, "c")).toBeNull();
  });

  it("record_withSameKeyWithinASecond_coalescesIntoOneStep", () => {
    let h = emptyHistory<string>();
    h = record(h, "", "config:a", 1000);
    h = record(h, "x", "config:a", 1500);
    h = record(h, "xy", "config:a", 1900);
    expect(h.past).toEqual([""]);
    h = record(h, "xyz", "config:a", 3500);
    expect(h.past).toEqual(["", "xyz"]);
  });

  it("record_withAnotherKey_addsAStep", () => {
    let h = record(emptyHistory<string>(), "a", "k1", 1);
    h = record(h, "b", "k2", 2);
    expect(h.past).toEqual(["a", "b"]);
  });
});

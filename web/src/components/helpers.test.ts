import { describe, expect, it } from "vitest";
import { formatDuration, formatPercent, relativeTime } from "./format";
import { rangeBounds } from "./timeRange";
import { safeNext } from "./safeNext";

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [0, "0 ms"],
    [999, "999 ms"],
    [1234, "1.23 s"],
    [12_345, "12.3 s"],
    [125_000, "2 min 5 s"],
  ])("%s → %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe("formatPercent", () => {
  it("reads 0..1 as a fraction and larger values as percentages", () => {
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.875)).toBe("87.5%");
    expect(formatPercent(87.5)).toBe("87.5%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("relativeTime", () => {
  const now = Date.parse("2026-01-02T12:00:00Z");
  it.each([
    ["2026-01-02T11:59:30Z", "just now"],
    ["2026-01-02T11:55:00Z", "5 min ago"],
    ["2026-01-02T09:00:00Z", "3 h ago"],
    ["2025-12-30T12:00:00Z", "3 d ago"],
  ])("%s → %s", (iso, text) => expect(relativeTime(iso, now)).toBe(text));
});

describe("rangeBounds", () => {
  const now = Date.parse("2026-01-02T12:00:00Z");
  it("turns a relative range into a from bound", () => {
    expect(rangeBounds("24h", "", "", now)).toEqual({ from: "2026-01-01T12:00:00.000Z" });
    expect(rangeBounds("7d", "", "", now)).toEqual({ from: "2025-12-26T12:00:00.000Z" });
  });
  it("passes custom bounds as ISO and drops empty or broken ones", () => {
    const b = rangeBounds("custom", "2026-01-01T08:00", "", now);
    expect(b.from).toBe(new Date("2026-01-01T08:00").toISOString());
    expect(b.to).toBeUndefined();
    expect(rangeBounds("custom", "garbage", "", now)).toEqual({ from: undefined, to: undefined });
  });
  it("has no bounds for any time", () => expect(rangeBounds("", "x", "y", now)).toEqual({}));
});

describe("safeNext", () => {
  it.each([
    ["/executions?status=failed", "/executions?status=failed"],
    ["/workflows/abc?execution=1", "/workflows/abc?execution=1"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["javascript:alert(1)", "/"],
    [null, "/"],
  ])("%s → %s", (next, safe) => expect(safeNext(next)).toBe(safe));
});

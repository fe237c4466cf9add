// The executions page's time-range filter: a relative range or a custom from/to (datetime-local values).
export const ranges = [
  { value: "", label: "Any time" },
  { value: "1h", label: "Last hour" },
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "custom", label: "Custom…" },
] as const;

const spans: Record<string, number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 };

/** ISO bounds for the API; a datetime-local value is local time, as the user typed it. */
export function rangeBounds(range: string, from: string, to: string, now = Date.now()): { from?: string; to?: string } {
  if (range in spans) return { from: new Date(now - spans[range]).toISOString() };
  if (range !== "custom") return {};
  const iso = (v: string) => {
    if (!v) return undefined;
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  };
  return { from: iso(from), to: iso(to) };
}

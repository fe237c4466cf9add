// switch: one output per case (its `handle`, else the value as text) plus the descriptor's `default`.
import type { NodePort } from "../../canvas/types";
import type { PortResolver } from "../ports";

export const switchPorts: PortResolver = (descriptor, config) => {
  const cases = Array.isArray(config.cases) ? (config.cases as { value?: unknown; handle?: string | null }[]) : [];
  const out: NodePort[] = [];
  for (const c of cases) {
    const id = c?.handle ?? (c?.value === undefined ? undefined : typeof c.value === "string" ? c.value : JSON.stringify(c.value));
    if (id && !out.some((p) => p.id === id)) out.push({ id, label: id });
  }
  return [...out, ...descriptor.outputs.filter((p) => !out.some((o) => o.id === p.id))];
};

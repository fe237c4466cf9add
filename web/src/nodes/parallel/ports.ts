// parallel: every outgoing edge is a branch; branch names are free, so the ports are `out` plus the names in use.
import type { NodePort } from "../../canvas/types";
import type { PortResolver } from "../ports";

export const parallelPorts: PortResolver = (descriptor, _config, usedHandles) => {
  const out: NodePort[] = [...descriptor.outputs];
  for (const h of usedHandles) if (h && !out.some((p) => p.id === h)) out.push({ id: h, label: h });
  return out;
};

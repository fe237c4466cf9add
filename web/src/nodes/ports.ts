// Output ports of a node: the descriptor's, unless the node type computes them from its config (dynamicOutputs).
import type { NodeDescriptor, NodePort } from "../canvas/types";
import { switchPorts } from "./switch/ports";
import { parallelPorts } from "./parallel/ports";

export type PortResolver = (descriptor: NodeDescriptor, config: Record<string, unknown>, usedHandles: string[]) => NodePort[];

const resolvers: Record<string, PortResolver> = { switch: switchPorts, parallel: parallelPorts };

export function outputPorts(descriptor: NodeDescriptor, config: Record<string, unknown>, usedHandles: string[] = []): NodePort[] {
  const resolver = resolvers[descriptor.type];
  const ports = resolver ? resolver(descriptor, config, usedHandles) : descriptor.outputs;
  // An edge drawn from a handle the node no longer lists still needs a handle to attach to.
  const extra = usedHandles.filter((h) => h && !ports.some((p) => p.id === h)).map((h) => ({ id: h, label: h }));
  return extra.length ? [...ports, ...extra] : ports;
}

// The canvas node for every workflow node type, driven by its descriptor. Memoised; it subscribes only to its
// own overlay status, run record and validation flag, so a store change re-renders just the nodes it concerns.
import { memo, useEffect, useRef } from "react";
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from "@xyflow/react";
import { useShallow } from "zustand/react/shallow";
import { useDesigner } from "../store";
import { nodeStatus } from "../run/overlay";
import type { WfNode } from "../canvas/flowTypes";
import { outputPorts } from "./ports";
import { iconGlyph } from "./icons";
import { formatDuration } from "../components/format";
import "./nodes.css";

const noHandles: string[] = [];

function WorkflowNodeView({ id, data, selected }: NodeProps<WfNode>) {
  const descriptor = useDesigner((s) => s.descriptors[data.type]);
  const status = useDesigner((s) => nodeStatus(s.runView, id));
  const run = useDesigner((s) => s.runView?.nodes[id]);
  const invalid = useDesigner((s) => !!s.invalidNodes[id]);
  // Handles already used by edges matter only for node types with free-form outputs (parallel).
  const used = useDesigner(
    useShallow((s) => (descriptor?.dynamicOutputs ? s.edges.filter((e) => e.source === id).map((e) => e.sourceHandle ?? "") : noHandles)),
  );
  const name = descriptor?.name ?? data.type;
  const label = (data.data.label as string | undefined) || name;
  const inputs = descriptor ? descriptor.inputs : [{ id: "in", label: "In" }];
  const outputs = descriptor ? outputPorts(descriptor, data.config, used) : [{ id: "out", label: "Out" }];
  const multi = outputs.length > 1;
  // Ports that follow the config (switch cases) must be re-measured by React Flow when they change.
  const portKey = outputs.map((p) => p.id).join("\u0000");
  const updateInternals = useUpdateNodeInternals();
  const firstPorts = useRef(portKey);
  useEffect(() => {
    if (firstPorts.current === portKey) return;
    firstPorts.current = portKey;
    updateInternals(id);
  }, [portKey, id, updateInternals]);
  const isTrigger = data.type === "trigger" || inputs.length === 0;

  return (
    <div
      className={`wf-node${selected ? " is-selected" : ""}`}
      data-node-id={id}
      data-node-type={data.type}
      data-status={status}
      data-invalid={invalid ? "true" : undefined}
      style={{ ["--node-color" as string]: descriptor?.color ?? "#64748b", minHeight: multi ? 28 + outputs.length * 22 : undefined }}
      aria-label={`${label} (${name})${status !== "idle" ? `, ${status}` : ""}${invalid ? ", has problems" : ""}`}
    >
      {!isTrigger && <Handle type="target" position={Position.Left} id={inputs[0]?.id ?? "in"} className="wf-handle" title="input" />}
      <div className="wf-node__head">
        <span className="wf-node__icon" aria-hidden="true">{iconGlyph(descriptor?.icon, name)}</span>
        <span className="wf-node__title">
          <span className="wf-node__label">{label}</span>
          {label !== name && <span className="wf-node__type">{name}</span>}
        </span>
      </div>
      {(run || status !== "idle") && (
        <div className="wf-node__run">
          <span className="wf-node__status">{status}</span>
          {run?.durationMs != null && <span data-testid="node-duration">{formatDuration(run.durationMs)}</span>}
          {!!run?.attempts && <span data-testid="node-attempts">{run.attempts > 1 ? `${run.attempts} attempts` : "1 attempt"}</span>}
        </div>
      )}
      {invalid && <span className="wf-node__warn" aria-hidden="true">!</span>}
      {outputs.map((p, i) => (
        <div key={p.id} className="wf-port" style={{ top: multi ? `${((i + 1) * 100) / (outputs.length + 1)}%` : "50%" }}>
          {multi && <span className="wf-port__label">{p.label}</span>}
          <Handle type="source" position={Position.Right} id={p.id} className="wf-handle" title={`output ${p.label}`} />
        </div>
      ))}
    </div>
  );
}

export const WorkflowNode = memo(WorkflowNodeView);

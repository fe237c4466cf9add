// The canvas edge: a bezier path in a group carrying `data-taken` (current run) and `data-invalid` (validation).
import { memo } from "react";
import { BaseEdge, getBezierPath, type EdgeProps } from "@xyflow/react";
import { useDesigner } from "../store";
import { edgeTaken } from "../run/overlay";
import type { WfEdge } from "./flowTypes";

function WorkflowEdgeView(props: EdgeProps<WfEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected } = props;
  const taken = useDesigner((s) => edgeTaken(s.runView, source, target));
  const invalid = useDesigner((s) => !!s.invalidEdges[id]);
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <g className="wf-edge" data-edge-id={id} data-taken={taken ? "true" : "false"} data-invalid={invalid ? "true" : undefined} data-selected={selected ? "true" : undefined}>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
    </g>
  );
}

export const WorkflowEdge = memo(WorkflowEdgeView);

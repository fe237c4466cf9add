// The canvas edge: a bezier path in a group carrying `data-taken` (current run) and `data-invalid` (validation).
import { memo } from "react";
import { BaseEdge, getBezierPath, type EdgeProps } from "@xyflow/react";
import { useDesigner } from "../store";
import { edgeTaken } from "../run/overlay";
import type { WfEdge } from "./flowTypes";

/** Out to the right, under both nodes, back in from the left. */
function backEdgePath(sx: number, sy: number, tx: number, ty: number): string {
  const below = Math.max(sy, ty) + 70;
  return `M ${sx} ${sy} H ${sx + 24} V ${below} H ${tx - 24} V ${ty} H ${tx}`;
}

function WorkflowEdgeView(props: EdgeProps<WfEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected } = props;
  const taken = useDesigner((s) => edgeTaken(s.runView, source, target));
  const invalid = useDesigner((s) => !!s.invalidEdges[id]);
  // Back edges (into a loop, leftwards) route around the nodes instead of curving behind them.
  const back = targetX < sourceX - 20;
  const path = back ? backEdgePath(sourceX, sourceY, targetX, targetY) : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })[0];
  return (
    <g className="wf-edge" data-edge-id={id} data-taken={taken ? "true" : "false"} data-invalid={invalid ? "true" : undefined} data-selected={selected ? "true" : undefined} data-back={back ? "true" : undefined}>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
    </g>
  );
}

export const WorkflowEdge = memo(WorkflowEdgeView);

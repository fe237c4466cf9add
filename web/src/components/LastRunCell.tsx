// The "Last run" cell of a workflow row: asks for the latest execution only once the row is on screen.
import { useEffect, useState } from "react";
import { latestExecution } from "../api/workflows";
import type { ExecutionSummary } from "../api/types";
import { useInView } from "./useInView";
import { StatusBadge } from "./StatusBadge";
import { Link } from "./Link";
import { relativeTime } from "./format";

export function LastRunCell({ workflowId }: { workflowId: string }) {
  const [ref, inView] = useInView<HTMLTableCellElement>();
  const [run, setRun] = useState<ExecutionSummary | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!inView) return;
    const abort = new AbortController();
    latestExecution(workflowId, abort.signal)
      .then(setRun)
      .catch(() => !abort.signal.aborted && setFailed(true));
    return () => abort.abort();
  }, [inView, workflowId]);

  return (
    <td ref={ref} data-testid="last-run">
      {failed ? (
        <span className="muted">unavailable</span>
      ) : run === undefined ? (
        <span className="muted">…</span>
      ) : run === null ? (
        <span className="muted">never</span>
      ) : (
        <Link href={`/workflows/${encodeURIComponent(workflowId)}?execution=${encodeURIComponent(run.id)}`} title={run.startedAt} className="last-run">
          <StatusBadge status={run.status} /> <span>{relativeTime(run.startedAt)}</span>
        </Link>
      )}
    </td>
  );
}

// Validation problems of the current document; clicking one selects and centres its node or edge.
import { useDesigner } from "../store";
import { focusNode } from "./viewport";
import type { ValidationProblem } from "./types";

function select(p: ValidationProblem) {
  const s = useDesigner.getState();
  if (p.nodeId && s.nodes.some((n) => n.id === p.nodeId)) {
    s.selectOnly([p.nodeId]);
    focusNode(p.nodeId);
  } else if (p.edgeId) {
    const e = s.edges.find((x) => x.id === p.edgeId);
    if (e) {
      s.selectOnly([], [e.id]);
      focusNode(e.source);
    }
  }
}

export function ProblemsList() {
  const problems = useDesigner((s) => s.problems);
  const checked = useDesigner((s) => s.problemsRevision >= 0);
  const errors = problems.filter((p) => p.severity !== "warning").length;
  return (
    <section className="wf-problems" data-testid="problems" data-count={problems.length} aria-label="Problems">
      <h2 className="wf-section-title">
        Problems <span className={`wf-count${errors ? " is-bad" : ""}`}>{problems.length}</span>
      </h2>
      {problems.length === 0 ? (
        <p className="wf-muted wf-small" role="status">{checked ? "No problems found." : "Checking…"}</p>
      ) : (
        <ul role="list" className="wf-problems__list">
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.nodeId ?? ""}-${p.edgeId ?? ""}-${i}`} data-problem-code={p.code} data-severity={p.severity} data-node-id={p.nodeId ?? undefined} data-edge-id={p.edgeId ?? undefined}>
              <button type="button" className="wf-problem" onClick={() => select(p)} aria-disabled={!p.nodeId && !p.edgeId ? true : undefined}>
                <span className="wf-problem__sev" aria-label={p.severity}>{p.severity === "warning" ? "⚠" : "✖"}</span>
                <span>
                  {p.message}
                  <code className="wf-small"> {p.code}</code>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// A small syntax-coloured preview of a value containing {{ expressions }}, shown under its input.
import { splitExpressions } from "./expression";

export function ExpressionPreview({ text, id }: { text: string; id?: string }) {
  return (
    <div className="wf-expr-preview" id={id} data-testid="expression-preview" aria-label="Expression preview">
      {splitExpressions(text).map((p, i) =>
        p.expr ? (
          <mark key={i} className="wf-expr">
            <span className="wf-expr__brace">{"{{"}</span>
            {p.text.slice(2, -2)}
            <span className="wf-expr__brace">{"}}"}</span>
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}

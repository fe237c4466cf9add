// A status pill: colour from the theme's status variables, text always present (colour is never the only cue).
export function StatusBadge({ status, kind = "execution" }: { status: string; kind?: "execution" | "workflow" | "node" }) {
  return (
    <span className={`badge badge-${status}`} data-badge={kind} data-status={status}>
      {status}
    </span>
  );
}

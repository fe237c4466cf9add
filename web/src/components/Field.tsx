// A labelled control: <label for> + the control, so the accessible name is the label alone (a wrapping label
// would also read out a select's current option).
import { useId, type ReactElement } from "react";

export function Field({ label, className = "field", children }: { label: string; className?: string; children: (id: string) => ReactElement }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

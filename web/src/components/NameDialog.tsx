// Asks for a workflow name (create); server errors such as name_conflict show inline.
import { Field } from "./Field";
import { useState, type FormEvent } from "react";
import { Dialog } from "./Dialog";
import { ErrorText } from "./ErrorText";

export function NameDialog(props: { title: string; initial?: string; submitLabel: string; onSubmit: (name: string) => Promise<void>; onClose: () => void }) {
  const [name, setName] = useState(props.initial ?? "");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(name.trim());
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog title={props.title} onClose={props.onClose} testId="name-dialog">
      <form onSubmit={submit} className="stack">
        <Field label="Name" className="field">
          {(id) => (
            <input id={id} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} data-autofocus />
          )}
        </Field>
        <ErrorText error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !name.trim()} data-action="create">
            {props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

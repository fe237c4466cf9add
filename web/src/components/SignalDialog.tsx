// Deliver a signal to a waiting `wait` node: node id (prefilled with the waiting nodes) + JSON payload.
import { Field } from "./Field";
import { useEffect, useState, type FormEvent } from "react";
import { getExecution, signalExecution } from "../api/executions";
import { Dialog } from "./Dialog";
import { ErrorText } from "./ErrorText";

export function SignalDialog({ executionId, onDone, onClose }: { executionId: string; onDone: () => void; onClose: () => void }) {
  const [waiting, setWaiting] = useState<string[]>([]);
  const [nodeId, setNodeId] = useState("");
  const [payload, setPayload] = useState('{\n  "approved": true\n}');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getExecution(executionId)
      .then((e) => {
        const ids = e.nodes.filter((n) => n.status === "waiting").map((n) => n.nodeId);
        setWaiting(ids);
        setNodeId((current) => current || ids[0] || "");
      })
      .catch(() => undefined); // the node id can still be typed
  }, [executionId]);

  let parseError: string | null = null;
  let parsed: unknown;
  try {
    parsed = payload.trim() ? JSON.parse(payload) : undefined;
  } catch (e) {
    parseError = (e as Error).message;
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (parseError || !nodeId.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await signalExecution(executionId, nodeId.trim(), parsed);
      onDone();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog title="Send signal" onClose={onClose} testId="signal-dialog">
      <form onSubmit={submit} className="stack">
        <Field label="Node id" className="field">
          {(id) => (
            <>
              <input id={id} value={nodeId} onChange={(e) => setNodeId(e.target.value)} list="waiting-nodes" required data-autofocus />
              <datalist id="waiting-nodes">
                {waiting.map((n) => (
                  <option key={n} value={n} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        {waiting.length > 0 && <p className="muted small">Waiting: {waiting.join(", ")}</p>}
        <Field label="Payload (JSON)" className="field">
          {(id) => (
            <textarea id={id}
              value={payload}
              onChange={(e) => setPayload(e.target.value)}
              rows={6}
              spellCheck={false}
              aria-invalid={!!parseError}
              aria-describedby={parseError ? "signal-json-error" : undefined}
            />
          )}
        </Field>
        {parseError && (
          <p id="signal-json-error" className="error-text">
            Not valid JSON: {parseError}
          </p>
        )}
        <ErrorText error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !!parseError || !nodeId.trim()} data-action="send-signal">
            Send signal
          </button>
        </div>
      </form>
    </Dialog>
  );
}

// Shown when a save met a newer version on the server: reload (drop local changes) or overwrite.
import { useState } from "react";
import { useDesigner } from "../store";
import { reloadFromServer, save } from "./persistence";

export function ConflictBanner() {
  const conflict = useDesigner((s) => s.saveStatus === "conflict");
  const detail = useDesigner((s) => s.saveError);
  const [busy, setBusy] = useState(false);
  if (!conflict) return null;
  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="wf-banner wf-banner--warn" data-testid="conflict" role="alert">
      <span>
        Someone saved this workflow since you opened it{detail ? ` (${detail})` : ""}. Your changes are not saved.
      </span>
      <button type="button" className="wf-btn" data-action="conflict-reload" disabled={busy} onClick={() => run(reloadFromServer)}>
        Reload theirs (discard mine)
      </button>
      <button type="button" className="wf-btn wf-btn--danger" data-action="conflict-overwrite" disabled={busy} onClick={() => run(() => save({ overwrite: true }))}>
        Overwrite with mine
      </button>
    </div>
  );
}

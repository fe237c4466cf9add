// The `?` dialog listing keyboard shortcuts.
import { useEffect, useRef } from "react";
import { shortcutList } from "./useShortcuts";
import { useDialogFocus } from "./useDialogFocus";

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  const dialogRef = useDialogFocus<HTMLDivElement>();
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="wf-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="wf-modal" ref={dialogRef} role="dialog" aria-modal="true" aria-labelledby="wf-help-title" data-testid="shortcuts-help" onKeyDown={(e) => e.key === "Escape" && onClose()}>
        <h2 id="wf-help-title" className="wf-panel-title">Keyboard shortcuts</h2>
        <table className="wf-shortcuts">
          <tbody>
            {shortcutList.map(([k, what]) => (
              <tr key={k}>
                <th scope="row"><kbd>{k}</kbd></th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="wf-modal__actions">
          <button type="button" ref={ref} className="wf-btn" onClick={onClose}>Close</button>
        </div>
      </div>
    </div>
  );
}

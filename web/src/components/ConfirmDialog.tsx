import { Dialog } from "./Dialog";

export function ConfirmDialog(props: {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      testId="confirm-dialog"
      actions={
        <>
          <button type="button" onClick={props.onClose} data-autofocus>
            Cancel
          </button>
          <button type="button" className={props.danger ? "danger" : "primary"} disabled={props.busy} data-action="confirm" onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <p>{props.message}</p>
    </Dialog>
  );
}

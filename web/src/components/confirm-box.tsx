import { t } from '../i18n/index.js';

/** An irreversible step said in words, with its own yes and a cancel, inline where the action was. */
export function ConfirmBox({
  message,
  yes,
  onYes,
  onCancel,
  busy,
  danger = false,
  testId,
}: {
  message: string;
  yes: string;
  onYes: () => void;
  onCancel: () => void;
  busy: boolean;
  danger?: boolean;
  testId: string;
}) {
  return (
    <div class="confirm">
      <p>{message}</p>
      <button
        type="button"
        class={danger ? 'danger' : 'primary'}
        disabled={busy}
        onClick={onYes}
        data-testid={testId}
      >
        {yes}
      </button>
      <button type="button" onClick={onCancel}>
        {t().actions.cancel}
      </button>
    </div>
  );
}

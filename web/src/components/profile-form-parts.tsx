import { t } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';
import { errorText } from '../lib/error-text.js';
import { describedBy, FieldError } from './field-error.js';
import { type FieldErrors, focusFirstError, localiseFieldErrors } from './participant-profile.js';

/**
 * A refused profile: field errors go next to their fields (the first one focused), anything else is
 * said once above the button.
 */
export function showSubmitError(
  error: unknown,
  setErrors: (errors: FieldErrors) => void,
  setFormError: (message: string) => void,
): void {
  const fields = error instanceof ApiError ? localiseFieldErrors(error.fieldErrors()) : {};
  setErrors(fields);
  if (Object.keys(fields).length > 0) focusFirstError(fields);
  else setFormError(errorText(error));
}

/** "I accept the privacy notice", with its error: the join and the claim ask it the same way. */
export function PrivacyAccept({
  checked,
  error,
  onChange,
}: {
  checked: boolean;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}) {
  return (
    <>
      <label class="choice">
        <input
          type="checkbox"
          name="privacyAccepted"
          checked={checked}
          onChange={(e) => onChange(e.currentTarget.checked)}
          {...describedBy('privacyAccepted', error)}
        />
        <span>{t().join.privacyAccept}</span>
      </label>
      <FieldError name="privacyAccepted" message={error} />
    </>
  );
}

/** The form's own error, if any, and its submit button (busy while the request runs). */
export function SubmitRow({ error, busy, label }: { error: string | null; busy: boolean; label: string }) {
  return (
    <>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary big" disabled={busy}>
        {busy ? t().busy : label}
      </button>
    </>
  );
}

import { describedBy, FieldError } from './field-error.js';

/** A labelled whole-number input; with `errorName`, its error sits under it and is tied to it. */
export function NumberField({
  id,
  label,
  min,
  max,
  value,
  onChange,
  errorName,
  error,
}: {
  id: string;
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
  errorName?: string;
  error?: string | undefined;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        value={value}
        onInput={(e) => onChange(Number(e.currentTarget.value))}
        {...(errorName ? describedBy(errorName, error) : {})}
      />
      {errorName && <FieldError name={errorName} message={error} />}
    </div>
  );
}

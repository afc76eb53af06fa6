/** The error for one field, tied to its input through `aria-describedby={errorId(name)}`. */
export function FieldError({ name, message }: { name: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="field-error" id={errorId(name)}>
      {message}
    </p>
  );
}

export const errorId = (name: string) => `error-${name}`;

/** Props for a control that may have an error; a group (fieldset) gets the description but no aria-invalid. */
export function describedBy(name: string, message: string | undefined, group = false) {
  if (!message) return {};
  return group
    ? { 'aria-describedby': errorId(name) }
    : { 'aria-invalid': true, 'aria-describedby': errorId(name) };
}

// Id and secret formats both sides check; no imports, so the web client can bundle this as it is.

/** The short public event code in join links and API paths. */
export const EVENT_CODE_PATTERN = '[a-z0-9]{4,16}';
export const EVENT_CODE = new RegExp(`^${EVENT_CODE_PATTERN}$`);

/** A participant id as the API names people. */
export const PARTICIPANT_ID = /^[A-Za-z0-9_-]{8,32}$/;

/** A moderator or screen secret, or a participant token, as a client holds it (nanoid alphabet). */
export const SECRET = /^[A-Za-z0-9_-]{16,64}$/;

/** The random key a phone sends with its join, so a retried join returns the same person. */
export const REQUEST_KEY = /^[A-Za-z0-9_-]{21,64}$/;

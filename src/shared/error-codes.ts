// Every `error.code` the server can send, over HTTP (`{error: {code, message, details?}}`) or as a
// realtime error message. The server's errors take their code from this list; the web client has a
// German and an English text for each. No imports.

export const ERROR_CODES = [
  // Requests the server cannot read
  'invalid_json',
  'invalid_input',
  'bad_url',
  'bad_request',
  'ctp_body_too_large',
  'ctp_invalid_media_type',
  'not_found',
  'internal',
  // Secrets and limits
  'unauthorized',
  'forbidden',
  'rate_limited',
  'bad_origin',
  // Realtime
  'invalid_message',
  'already_identified',
  // Events and joins
  'event_finished',
  'event_not_finished',
  'event_gone',
  'event_full',
  'join_closed',
  'not_in_catalogue',
  // Tables
  'unknown_table',
  'duplicate_table',
  'table_in_use',
  'table_full',
  // Rounds and seats
  'round_live',
  'no_live_round',
  'nobody_present',
  'not_enough_seats',
  'plan_busy',
  'unknown_participant',
  'not_present',
  'already_seated',
  'no_free_seat',
  'not_at_table',
  'would_sit_alone',
  'would_leave_alone',
  'table_unsuitable',
  'not_enough_suitable_tables',
  // Attendee import and claims
  'import_empty',
  'import_too_large',
  'import_unreadable',
  'import_unknown_column',
  'import_mapping_needed',
  'import_invalid',
  'already_claimed',
  // World Café: the round's question, the table's harvest, feedback
  'unknown_round',
  'harvest_closed',
  'harvest_full',
  'no_harvest_table',
  'feedback_closed',
  'feedback_given',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

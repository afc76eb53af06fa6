// WebSocket close codes: 4xxx are ours; 1008/1009/1012 are the standard ones where they fit. No imports.

export const CLOSE = {
  policy: 1008,
  tooBig: 1009,
  internal: 1011,
  restarting: 1012,
  protocol: 4000,
  helloTimeout: 4001,
  unauthorized: 4003,
  gone: 4004,
  rateLimited: 4008,
  slowConsumer: 4011,
} as const;

/** Closes after which reconnecting with the same credentials cannot help. */
export const FINAL_CLOSES: readonly number[] = [CLOSE.unauthorized, CLOSE.gone];

import { timestamp } from 'drizzle-orm/pg-core';

/**
 * A moment to the millisecond, as SQLite's `integer({ mode: 'timestamp_ms' })` holds it: both read
 * back as a Date, so the row types of the two dialects are the same.
 */
export const moment = () => timestamp({ mode: 'date', precision: 3, withTimezone: true });

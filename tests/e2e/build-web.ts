import { join } from 'node:path';
import { ROOT } from '../helpers/build.js';

/** The pages the browser project's global setup built (tests/helpers/build.ts). */
export const WEB_DIST = join(ROOT, 'dist/web');

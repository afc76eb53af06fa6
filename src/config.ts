import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { z } from 'zod';
import { siteEnvShape } from './config-site.js';
import { BEARER_SECRET } from './security/tokens.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number 0–65535 (no sign, fraction or hex)')
    .default('3000')
    .transform(Number)
    .pipe(z.number().max(65535, 'must be a whole number 0–65535')),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('./data/tischwechsel.sqlite'),
  /** When set, the data lives in this PostgreSQL database (several replicas may share it); else in DATABASE_PATH. */
  DATABASE_URL: z
    .url({
      protocol: /^postgres(ql)?$/,
      error:
        'must be a postgres:// or postgresql:// URL (unset it to keep the data in the SQLite file at DATABASE_PATH)',
    })
    .optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  ADMIN_TOKEN: z
    .string()
    .min(12, 'must be at least 12 characters')
    .regex(BEARER_SECRET, 'must be visible ASCII characters without spaces (it travels as a Bearer token)')
    .optional(),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      const trust = trustedProxies(value);
      if (trust === null) {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be false, true (a proxy on this machine), or proxy addresses, CIDR ranges or loopback/linklocal/uniquelocal separated by commas',
        });
        return z.NEVER;
      }
      return trust;
    }),
  WEB_DIST: z.string().min(1).default('./dist/web'),
  /** Joins per minute from one address: a whole venue may share one NAT address. */
  JOIN_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Counted effort of a background re-plan: more plans better on big rooms, less suits a slow machine. */
  PLAN_EFFORT_MS: z.coerce.number().int().min(20).max(30_000).default(3000),
  /**
   * Wall-clock cap of one plan, 0 = four times its effort. Only a machine far slower or busier than the
   * reference one reaches it; the plan is then whatever the search had by then.
   */
  PLAN_TIME_LIMIT_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  /** Open WebSockets from one address: every phone behind a venue NAT needs one. */
  SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(6000),
  ...siteEnvShape,
});

export type Config = Omit<z.infer<typeof envSchema>, 'PUBLIC_URL'> & { PUBLIC_URL: string };

export class ConfigError extends Error {}

/** Parses the environment once; a bad value stops the start with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const config = parsed.data;
  return { ...config, PUBLIC_URL: config.PUBLIC_URL ?? `http://${lanAddress()}:${config.PORT}` };
}

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * The addresses whose X-Forwarded-For is believed, in Fastify's (proxy-addr's) terms. `true` means a
 * proxy on this machine (loopback), never "believe every entry": the leftmost entries are whatever the
 * client wrote itself, so only hops that really are proxies may be trusted.
 */
function trustedProxies(value: string): false | string | null {
  if (value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return 'loopback';
  const ranges = value.split(',').map((r) => r.trim());
  const valid = ranges.every((range) => {
    if (PROXY_KEYWORDS.has(range)) return true;
    const [address, prefix, ...rest] = range.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || rest.length > 0) return false;
    if (prefix === undefined) return true;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  });
  return valid ? ranges.join(',') : null;
}

/** The address phones on the venue Wi-Fi can reach when no PUBLIC_URL is configured. */
function lanAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (a.family === 'IPv4' && !a.internal) return a.address;
    }
  }
  return '127.0.0.1';
}

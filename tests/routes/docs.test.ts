import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/error-codes.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('OpenAPI', () => {
  it('is generated from the zod schemas and covers every API route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/events',
        '/api/events/{code}/participants',
        '/api/me',
        '/api/events/{code}/rounds',
      ]),
    );
    const join = spec.paths['/api/events/{code}/participants'].post;
    const schema = join.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(
      expect.arrayContaining(['displayName', 'role', 'stage', 'privacyAccepted']),
    );
    expect(schema.properties.interests.maxItems).toBe(5);
  });

  it('declares the five secrets and names on each operation the one it needs', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as Spec;
    expect(Object.keys(spec.components.securitySchemes).sort()).toEqual([
      'adminToken',
      'claimSecret',
      'moderatorSecret',
      'participantToken',
      'screenSecret',
    ]);
    for (const scheme of Object.values(spec.components.securitySchemes)) {
      expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer' });
    }
    const problems: string[] = [];
    for (const [name, op] of operations(spec)) {
      const want = secretFor(name);
      if (JSON.stringify(op.security ?? null) !== JSON.stringify(want)) {
        problems.push(`${name}: security ${JSON.stringify(op.security)} (want ${JSON.stringify(want)})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents every response of every operation, errors in the one error shape', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as Spec;
    expect(spec.components.schemas.Error?.properties.error.properties.code.enum).toEqual([...ERROR_CODES]);
    const problems: string[] = [];
    const ops = operations(spec);
    expect(ops.length).toBeGreaterThan(25);
    for (const [name, op] of ops) {
      const statuses = Object.keys(op.responses);
      const success = statuses.filter((s) => s.startsWith('2'));
      if (success.length === 0) problems.push(`${name}: no success response`);
      for (const status of success) {
        const response = op.responses[status]!;
        if (response.description === 'Default Response') problems.push(`${name} ${status}: undocumented`);
        const content = Object.entries(response.content ?? {});
        if (status === '204' ? content.length > 0 : content.length !== 1 || !content[0]![1].schema) {
          problems.push(`${name} ${status}: ${JSON.stringify(response)}`);
        }
      }
      const errors = [
        ...new Set(['400', '500', ...refusalsFor(secretFor(name)), ...statuses.filter((s) => s >= '400')]),
      ];
      for (const status of errors) {
        const schema = op.responses[status]?.content?.['application/json']?.schema;
        if (schema?.$ref !== '#/components/schemas/Error')
          problems.push(`${name} ${status}: not the error shape`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('serves the browsable docs from this server only', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    const html =
      page.statusCode === 302
        ? (await t.app.inject({ method: 'GET', url: page.headers.location as string })).body
        : page.body;
    expect(html).toContain('swagger');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\/[^"']*\.(js|css)/i);
  });

  it('serves /docs under the same Content Security Policy as every other page, with nothing external', async () => {
    const policy = (await t.app.inject({ method: 'GET', url: '/healthz' })).headers[
      'content-security-policy'
    ];
    expect(policy).toContain("script-src 'self'");
    for (const url of ['/docs', '/docs/', '/docs/static/swagger-initializer.js', '/docs/json']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toBe(policy);
      expect(res.body, url).not.toMatch(/(src|href)=["']?(https?:)?\/\/(?!127\.0\.0\.1|localhost)/i);
      expect(res.body, url).not.toContain('validator.swagger.io');
    }
  });
});

interface Response {
  description: string;
  content?: Record<string, { schema?: { $ref?: string } }>;
}
interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, Response>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: Record<string, unknown>;
    schemas: Record<string, { properties: { error: { properties: { code: { enum: string[] } } } } }>;
  };
}

function operations(spec: Spec): [string, Operation][] {
  return Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]): [string, Operation] => [
        `${method.toUpperCase()} ${path}`,
        op,
      ]),
    );
}

const PUBLIC = [
  'GET /api/info',
  'GET /api/site',
  'GET /api/events/{code}',
  'GET /api/events/{code}/qr.svg',
  'POST /api/events/{code}/participants',
];

/** The security each operation must name, by who may call it (the authorisation matrix checks the answers). */
function secretFor(name: string): Record<string, string[]>[] | null {
  if (PUBLIC.includes(name)) return null;
  if (name === 'POST /api/events') return [{ adminToken: [] }, {}];
  if (name.includes(' /api/me')) return [{ participantToken: [] }];
  if (name.endsWith(' /api/events/{code}/claim')) return [{ claimSecret: [] }];
  if (name === 'GET /api/events/{code}/screen') return [{ screenSecret: [] }, { moderatorSecret: [] }];
  return [{ moderatorSecret: [] }];
}

function refusalsFor(security: Record<string, string[]>[] | null): string[] {
  if (!security) return [];
  if (security.some((s) => 'moderatorSecret' in s)) return ['401', '403', '404'];
  if (security.some((s) => 'claimSecret' in s)) return ['401', '404'];
  return ['401'];
}

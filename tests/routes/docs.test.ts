import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

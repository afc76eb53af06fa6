import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp | undefined;
afterEach(() => t?.close());

describe('GET /api/site', () => {
  it('says plainly that nothing is configured when the operator set nothing', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/site' });
    expect(res.json()).toEqual({
      operator: { name: null, address: null, contact: null },
      dpo: null,
      accessibility: { contact: null, enforcementBody: null },
      retentionDays: 7,
    });
  });

  it('names controller, data-protection contact and enforcement body from the configuration', async () => {
    t = await createTestApp({
      OPERATOR_NAME: 'Bezirksamt Beispiel',
      OPERATOR_ADDRESS: 'Musterstraße 1|10115 Berlin',
      OPERATOR_CONTACT: 'digital@example.org',
      DPO_CONTACT: 'Behördlicher Datenschutz, datenschutz@example.org',
      ENFORCEMENT_BODY_NAME: 'Landesbeauftragte für digitale Barrierefreiheit',
      ENFORCEMENT_BODY_URL: 'https://example.org/barrierefreiheit',
    });
    const res = await t.app.inject({ method: 'GET', url: '/api/site' });
    expect(res.json()).toMatchObject({
      operator: {
        name: 'Bezirksamt Beispiel',
        address: ['Musterstraße 1', '10115 Berlin'],
        contact: 'digital@example.org',
      },
      dpo: 'Behördlicher Datenschutz, datenschutz@example.org',
      accessibility: {
        contact: 'digital@example.org',
        enforcementBody: {
          name: 'Landesbeauftragte für digitale Barrierefreiheit',
          url: 'https://example.org/barrierefreiheit',
        },
      },
    });
  });

  it('refuses a start with an enforcement body link that is not a web address', async () => {
    expect(() => loadConfig({ ENFORCEMENT_BODY_URL: 'javascript:alert(1)' })).toThrow(/ENFORCEMENT_BODY_URL/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, mock, request } from './mock-client.js';

function fixture(
  path: string,
): Record<string, unknown> & { services?: { path: string }[]; actions?: { path: string }[] } {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

const paths = (document: unknown, key = 'services'): string[] =>
  ((document as Record<string, { path: string }[]>)[key] ?? []).map((entry) => entry.path);

describe('discovery, 7.x', () => {
  it('answers the whole document for ?discover and ?discover=/*, with baseURL the URL asked', async () => {
    const portal = await mock();
    const expected = { ...fixture(FIXTURES.portal7), baseURL: `${portal.url}/api/jsonws` };
    for (const query of ['?discover', '?discover=/*']) {
      const answer = await request(`${portal.url}/api/jsonws${query}`);
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe('application/json;charset=UTF-8');
      expect(answer.json).toEqual(expected);
    }
  });

  it('filters the services of ?discover=/<service>/* and keeps the rest of the document', async () => {
    const portal = await mock();
    const answer = await request(`${portal.url}/api/jsonws?discover=/group/*`);
    const whole = fixture(FIXTURES.portal7);
    expect(paths(answer.json)).toEqual(paths(whole).filter((path) => path.startsWith('/group/')));
    expect(paths(answer.json)).toHaveLength(7);
    expect((answer.json as Record<string, unknown>)['types']).toEqual(whole['types']);
    expect((answer.json as Record<string, unknown>)['version']).toBe('7.0.6');
  });

  it('selects a plugin context with contextName, also under /api/secure/jsonws', async () => {
    const portal = await mock({ discovery: [FIXTURES.portal7, FIXTURES.calendar7] });
    const answer = await request(
      `${portal.url}/api/secure/jsonws?discover=/calendar.calendarbooking/*&contextName=calendar`,
    );
    expect(answer.status).toBe(200);
    expect((answer.json as Record<string, unknown>)['contextName']).toBe('calendar');
    expect(paths(answer.json)).toEqual([
      '/calendar.calendarbooking/add-calendar-booking',
      '/calendar.calendarbooking/delete-calendar-booking',
      '/calendar.calendarbooking/get-calendar-booking',
      '/calendar.calendarbooking/get-calendar-booking',
      '/calendar.calendarbooking/get-calendar-bookings',
    ]);
    const portalAnswer = await request(`${portal.url}/api/jsonws?discover`);
    expect((portalAnswer.json as Record<string, unknown>)['contextName']).toBe('');
  });

  it('answers an unknown context with the 404 page of the servlet container', async () => {
    const portal = await mock();
    const answer = await request(`${portal.url}/api/jsonws?discover=/*&contextName=nothere&contextPath=/nothere`);
    expect(answer.status).toBe(404);
    expect(answer.contentType).toBe('text/html;charset=UTF-8');
    expect(answer.text).toContain('No JSON web services context &#34;nothere&#34;.');
  });
});

describe('discovery, 6.2 and legacy', () => {
  it('selects a 6.2 plugin context with contextPath=/<name> or a /<name>/api/jsonws mount, in its own format', async () => {
    const portal = await mock({ discovery: [FIXTURES.portal62, FIXTURES.calendar62] });
    const byQuery = await request(`${portal.url}/api/jsonws?discover=/*&contextPath=/calendar-portlet`);
    const expected = { ...fixture(FIXTURES.calendar62), baseURL: `${portal.url}/api/jsonws` };
    expect(byQuery.json).toEqual(expected);
    const mounted = await request(`${portal.url}/calendar-portlet/api/jsonws?discover=/calendar-portlet.calendar/*`);
    expect((mounted.json as Record<string, unknown>)['context']).toBe('calendar-portlet');
    expect(paths(mounted.json)).toEqual([
      '/calendar-portlet.calendar/get-calendar',
      '/calendar-portlet.calendar/search',
    ]);
  });

  it('filters 6.2 portal services and legacy actions, legacy listing the patterns in discover', async () => {
    const six = await mock({ discovery: [FIXTURES.portal62] });
    const answer = await request(`${six.url}/api/jsonws?discover=/user/*`);
    expect(answer.status).toBe(200);
    expect(paths(answer.json)).toEqual(['/user/add-user', '/user/get-user-by-email-address', '/user/get-user-by-id']);
    expect((answer.json as Record<string, unknown>)['version']).toBe('6.2.5');
    const legacy = await mock({ discovery: [FIXTURES.legacy] });
    const legacyAnswer = await request(`${legacy.url}/api/secure/jsonws?discover=/user/get-*,/group/get-group`);
    const expected = paths(fixture(FIXTURES.legacy), 'actions').filter(
      (path) => path.startsWith('/user/get-') || path === '/group/get-group',
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(paths(legacyAnswer.json, 'actions')).toEqual(expected);
    expect((legacyAnswer.json as Record<string, unknown>)['discover']).toEqual(['/user/get-*', '/group/get-group']);
  });

  it('answers other paths with a 404 page', async () => {
    const portal = await mock();
    const answer = await request(`${portal.url}/web/guest/home`);
    expect(answer.status).toBe(404);
    expect(answer.contentType).toBe('text/html;charset=UTF-8');
  });
});

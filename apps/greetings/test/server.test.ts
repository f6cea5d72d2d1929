import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCase } from './check-case.js';
import { siteCases } from './site.case.js';
import { startServer, type RunningServer } from './start-server.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('the greetings site over a real socket (reins runserver, undici)', () => {
  it.each(siteCases)('$name', async (testCase) => {
    const response = await request(server.origin + testCase.path, {
      method: testCase.method ?? 'GET',
      headers: { host: new URL(server.origin).host },
    });
    const body = await response.body.text();
    const headers = {
      get: (name: string) => {
        const value = response.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    };
    checkCase(testCase, { status: response.statusCode, headers, body });
  });

  it('logs one Django-style line per request', async () => {
    await request(`${server.origin}/greetings/`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // 89 bytes: the homepage with "You have been here 1 time." (a first visit, no cookie sent).
    expect(server.output()).toMatch(
      /\[\d{2}\/\w{3}\/\d{4} \d{2}:\d{2}:\d{2}\] "GET \/greetings\/ HTTP\/1\.1" 200 89/,
    );
  });

  it('counts a visitor who sends the session cookie back', async () => {
    const first = await request(`${server.origin}/greetings/`);
    await first.body.text();
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(
      /^sessionid=[^;]+; expires=.*; HttpOnly; Max-Age=1209600; Path=\/; SameSite=Lax$/,
    );
    const cookie = setCookie.split(';')[0]!;
    const second = await request(`${server.origin}/greetings/`, { headers: { cookie } });
    expect(await second.body.text()).toContain('<p>You have been here 2 times.</p>');
    expect(second.headers['vary']).toBe('Cookie');
  });
});

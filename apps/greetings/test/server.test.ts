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
    expect(server.output()).toMatch(
      /\[\d{2}\/\w{3}\/\d{4} \d{2}:\d{2}:\d{2}\] "GET \/greetings\/ HTTP\/1\.1" 200 56/,
    );
  });
});

/**
 * Issue #19 item 11: the debug 500 page must not hand a request's credentials to whoever sees it
 * (a screenshot, a shared log of the page): `Authorization`, `Proxy-Authorization` and session,
 * CSRF and remember-me cookie values are masked, in the HTML and the plain-text page. Over a real socket.
 */
import type { HttpResponse } from '@reins/http';
import { path } from '@reins/urls';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, silentLogger } from '../../src/index.js';
import type { ReinsServer } from '../../src/index.js';

let server: ReinsServer;

beforeAll(async () => {
  const app = createApp({
    rootUrlconf: [
      path('boom/', (): HttpResponse => {
        throw new Error('boom');
      }),
    ],
    allowedHosts: ['127.0.0.1'],
    debug: true,
    logger: silentLogger,
  });
  server = await app.listen({ port: 0 });
});

afterAll(async () => {
  await server.close();
});

const SECRETS = [
  'Bearer s3cr3t-bearer',
  'Basic cHJveHk6c2VjcmV0',
  'sess-abc123',
  'remember-xyz789',
];

describe('the debug 500 page masks credentials (issue #19 item 11)', () => {
  it.each(['text/html', 'text/plain'])('as %s', async (accept) => {
    const response = await request(`${server.url}boom/`, {
      headers: {
        accept,
        authorization: 'Bearer s3cr3t-bearer',
        'proxy-authorization': 'Basic cHJveHk6c2VjcmV0',
        cookie: 'sessionid=sess-abc123; remember_me=remember-xyz789; theme=dark',
        'x-visible': 'shown-on-purpose',
      },
    });
    const body = await response.body.text();
    expect(response.statusCode).toBe(500);
    for (const secret of SECRETS) expect(body).not.toContain(secret);
    expect(body).toContain('HTTP_AUTHORIZATION');
    expect(body).toContain('HTTP_PROXY_AUTHORIZATION');
    expect(body).toContain('sessionid');
    expect(body).toContain('remember_me');
    expect(body).toContain('********************');
    // What is not a credential stays visible: the page is still for debugging.
    expect(body).toContain('shown-on-purpose');
    expect(body).toMatch(/theme(<\/td><td class="code"><pre>| = )dark/);
  });
});

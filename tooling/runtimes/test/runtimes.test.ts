/**
 * The same reins site (site/app.ts: an include, converters, templates with {% extends %} and
 * {% url %}, a JSON view, an async view reading the body, Django's middleware) bundled to ESM and
 * served by `app.fetch()` on Bun, Deno and workerd, each in its own process on a free port; every
 * page is fetched over HTTP and checked as a browser or API client would see it.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOn, type Runtime, type RunningSite } from './serve-on.js';

const runtimes: Runtime[] = ['bun', 'deno', 'workerd'];

describe.each(runtimes)('the site on %s', (runtime) => {
  let site: RunningSite;
  beforeAll(async () => {
    site = await serveOn(runtime);
  }, 30_000);
  afterAll(() => site?.stop());

  const get = (path: string, init?: RequestInit): Promise<Response> =>
    fetch(site.origin + path, { redirect: 'manual', ...init });

  it('renders the home page from templates, with reversed links and the middleware headers', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('x-served-by')).toBe(`reins on ${runtime}`);
    expect(await response.text()).toBe(
      `<!doctype html><title>reins</title><main><h1>Home on ${runtime}</h1><ul>` +
        '<li><a href="/hello/ada/">Ada</a></li><li><a href="/hello/grace/">Grace</a></li>' +
        '<li><a href="/hello/linus/">Linus</a></li></ul></main>',
    );
  });

  it('fills a converter from the path, escapes the context, overrides a block', async () => {
    const response = await get('/hello/grace/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      '<!doctype html><title>Hello grace</title><main><h1>Hello, Grace!</h1>' +
        '<p>&lt;b&gt;escaped&lt;/b&gt;</p></main>',
    );
  });

  it('redirects a path without its slash (CommonMiddleware, APPEND_SLASH)', async () => {
    const response = await get('/hello/ada?x=1');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/hello/ada/?x=1');
  });

  it('answers JSON from an int converter, and 404 when the view raises Http404', async () => {
    const response = await get('/api/greetings/2/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ n: 2, name: 'linus', runtime });
    const missing = await get('/api/greetings/7/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<h1>Not Found</h1>');
  });

  it('answers 404 when the converter refuses the segment', async () => {
    const response = await get('/api/greetings/two/');
    expect(response.status).toBe(404);
  });

  it('reads a JSON body in an async view', async () => {
    const response = await get('/api/echo/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ greeting: 'hé', n: [1, 2] }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ method: 'POST', body: { greeting: 'hé', n: [1, 2] } });
  });

  it('answers 400 to a Host outside allowedHosts, and 200 to an allowed one in any case', async () => {
    // Raw HTTP: fetch() would not send a Host of our choosing.
    const status = async (host: string) => {
      const { port } = new URL(site.origin);
      const head = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.end(
            `GET /api/greetings/1/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
          );
        });
        let text = '';
        socket.setEncoding('latin1');
        socket.on('data', (chunk: string) => (text += chunk));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      return head.slice(0, head.indexOf('\r\n'));
    };
    expect(await status('evil.example')).toMatch(/^HTTP\/1\.1 400/);
    expect(await status('LOCALHOST')).toMatch(/^HTTP\/1\.1 200/);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get('/', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

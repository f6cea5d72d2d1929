/**
 * What a browser sees from the static files middleware, over a real socket: cache policy by name,
 * validators and 304s, ranges, HEAD, precompressed variants chosen by Accept-Encoding, 405, the
 * app behind it untouched, and development serving that reads the finders afresh.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectstatic, Staticfiles, staticFilesMiddleware } from '../src/index.js';
import { serve, type TestServer } from './serve.js';

let base: string;
const css = `body { color: red; }\n${'.x { margin: 0; }\n'.repeat(200)}`;
const big = Buffer.alloc(5 * 1024 * 1024 + 3, 'abcdefgh');

async function get(
  server: TestServer,
  path: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'HEAD' | 'POST' = 'GET',
) {
  const response = await request(`${server.url}${path}`, { method, headers });
  const body = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers as Record<string, string>, body };
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'reins-serving-'));
  mkdirSync(join(base, 'static', 'css'), { recursive: true });
  writeFileSync(join(base, 'static', 'css', 'site.css'), css);
  writeFileSync(join(base, 'static', 'big.bin'), big);
  writeFileSync(join(base, 'static', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('production serving (ManifestStaticFilesStorage, collected)', () => {
  let server: TestServer;
  let staticfiles: Staticfiles;
  beforeAll(async () => {
    staticfiles = new Staticfiles({
      staticUrl: '/static/',
      staticRoot: join(base, 'collected'),
      staticfilesDirs: [join(base, 'static')],
      storage: 'ManifestStaticFilesStorage',
    });
    await collectstatic(staticfiles, { interactive: false });
    server = await serve(staticFilesMiddleware(staticfiles));
  });
  afterAll(() => server.close());

  it('caches hashed names for a year, immutable; others briefly', async () => {
    const hashed = await get(server, staticfiles.url('css/site.css'));
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(hashed.body.toString()).toBe(css);
    const plain = await get(server, '/static/css/site.css');
    expect(plain.headers['cache-control']).toBe('public, max-age=60');
  });

  it('answers 304 to a matching If-None-Match or a later If-Modified-Since', async () => {
    const first = await get(server, '/static/logo.png');
    expect(first.headers['content-type']).toBe('image/png');
    expect(
      (await get(server, '/static/logo.png', { 'if-none-match': first.headers.etag! })).status,
    ).toBe(304);
    expect(
      (await get(server, '/static/logo.png', { 'if-none-match': `W/${first.headers.etag!}` }))
        .status,
    ).toBe(304);
    expect((await get(server, '/static/logo.png', { 'if-none-match': '"other"' })).status).toBe(
      200,
    );
    const since = first.headers['last-modified']!;
    expect((await get(server, '/static/logo.png', { 'if-modified-since': since })).status).toBe(
      304,
    );
    expect(
      (
        await get(server, '/static/logo.png', {
          'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT',
        })
      ).status,
    ).toBe(200);
  });

  it('serves one byte range as 206, an unsatisfiable one as 416', async () => {
    const part = await get(server, '/static/css/site.css', { range: 'bytes=5-9' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 5-9/${css.length}`);
    expect(part.body.toString()).toBe(css.slice(5, 10));
    const suffix = await get(server, '/static/css/site.css', { range: 'bytes=-4' });
    expect(suffix.body.toString()).toBe(css.slice(-4));
    const open = await get(server, '/static/big.bin', { range: `bytes=${big.length - 10}-` });
    expect(open.status).toBe(206);
    expect(open.body.equals(big.subarray(big.length - 10))).toBe(true);
    const beyond = await get(server, '/static/css/site.css', { range: `bytes=${css.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${css.length}`);
    expect((await get(server, '/static/css/site.css', { range: 'bytes=0-1,4-5' })).status).toBe(
      200,
    );
  });

  it('answers HEAD with the length and no body', async () => {
    const head = await get(server, '/static/big.bin', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(big.length));
    expect(head.body.length).toBe(0);
  });

  it('streams a file larger than the memory cache bound', async () => {
    const full = await get(server, '/static/big.bin');
    expect(full.body.equals(big)).toBe(true);
  });

  it('sends the precompressed variant the client accepts, with Vary', async () => {
    const br = await get(server, '/static/css/site.css', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(css);
    const gz = await get(server, '/static/css/site.css', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(css);
    const identity = await get(server, '/static/css/site.css');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.vary).toBe('Accept-Encoding');
    // Already compressed formats get no variant.
    expect(
      (await get(server, '/static/logo.png', { 'accept-encoding': 'gzip, br' })).headers[
        'content-encoding'
      ],
    ).toBeUndefined();
  });

  it('refuses other methods with 405 and Allow', async () => {
    const post = await get(server, '/static/logo.png', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('answers 404 for a name not collected, and leaves other paths to the app', async () => {
    expect((await get(server, '/static/nope.css')).status).toBe(404);
    const app = await get(server, '/articles/');
    expect(app.body.toString()).toBe('app');
  });
});

describe('development serving (debug: finders, no collect step)', () => {
  let server: TestServer;
  beforeAll(async () => {
    const staticfiles = new Staticfiles({
      staticUrl: '/static/',
      staticfilesDirs: [join(base, 'static')],
      storage: 'ManifestStaticFilesStorage',
      debug: true,
    });
    expect(staticfiles.url('css/site.css')).toBe('/static/css/site.css');
    server = await serve(staticFilesMiddleware(staticfiles));
  });
  afterAll(() => server.close());

  it('serves a file changed on disk fresh', async () => {
    const file = join(base, 'static', 'fresh.txt');
    writeFileSync(file, 'one');
    expect((await get(server, '/static/fresh.txt')).body.toString()).toBe('one');
    writeFileSync(file, 'two!');
    utimesSync(file, new Date(), new Date(Date.now() + 2000));
    const second = await get(server, '/static/fresh.txt');
    expect(second.body.toString()).toBe('two!');
    expect(second.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for a directory or a missing name', async () => {
    expect((await get(server, '/static/css')).status).toBe(404);
    expect((await get(server, '/static/css/missing.css')).status).toBe(404);
  });
});

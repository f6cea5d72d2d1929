/**
 * Issue #15's traversal table: every way a request path might climb out of the static folder —
 * `..`, encoded and double-encoded dots and slashes, backslashes, NUL, absolute and drive paths,
 * overlong UTF-8, symlinks out of the root, a sibling folder sharing the root's name prefix — sent
 * over a real socket exactly as written, against production serving (the start-up index) and
 * development serving (the finders). Each answers 404 (or Node's 400 for a request line it
 * refuses), never a byte of a file outside the root; the control requests show the server does
 * serve what is inside.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Staticfiles, staticFilesMiddleware } from '../../src/index.js';
import { serve, type TestServer } from '../serve.js';
import { rawGet } from './raw-socket.js';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-ROOT';

export const ATTEMPTS: readonly string[] = [
  '/static/../secret.txt',
  '/static/..%2fsecret.txt',
  '/static/..%2Fsecret.txt',
  '/static/%2e%2e/secret.txt',
  '/static/%2E%2E/secret.txt',
  '/static/%2e%2e%2fsecret.txt',
  '/static/.%2e/secret.txt',
  '/static/%2e./secret.txt',
  '/static/%252e%252e/secret.txt',
  '/static/%252e%252e%252fsecret.txt',
  '/static/..%252fsecret.txt',
  '/static/%25252e%25252e/secret.txt',
  '/static/..%5csecret.txt',
  '/static/..%5Csecret.txt',
  '/static/..\\secret.txt',
  '/static/%5c..%5csecret.txt',
  '/static/%2e%2e%5csecret.txt',
  '/static/..%255csecret.txt',
  '/static/sub/../../secret.txt',
  '/static/sub/%2e%2e/%2e%2e/secret.txt',
  '/static/sub/..%2f..%2fsecret.txt',
  '/static/./../secret.txt',
  '/static/....//secret.txt',
  '/static/..;/secret.txt',
  '/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  '/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/static//etc/passwd',
  '/static/%2fetc%2fpasswd',
  '/static/%2Fetc/passwd',
  '/static///etc/passwd',
  '/static/C:%5cWindows%5cwin.ini',
  '/static/c:/secret.txt',
  '/static/site.css%00',
  '/static/site.css%00.txt',
  '/static/..%00/secret.txt',
  '/static/%00../secret.txt',
  '/static/..%c0%afsecret.txt',
  '/static/..%e0%80%afsecret.txt',
  '/static/%c0%ae%c0%ae/secret.txt',
  '/static/%c0%2e%c0%2e/secret.txt',
  '/static/..%u2215secret.txt',
  '/static/%uff0e%uff0e/secret.txt',
  '/static/%ef%bc%8e%ef%bc%8e/secret.txt',
  '/static/out.txt',
  '/static/outdir/secret.txt',
  '/static/outdir/../secret.txt',
  '/static/../static-secret/key.txt',
  '/static/..%2fstatic-secret%2fkey.txt',
  '/static/',
  '/static/sub',
  '/static/sub/',
  '/static/site.css/',
  '/static/site.css/..',
  '/static/..',
  '/static/%2e%2e',
  'http://localhost/static/../secret.txt',
  '/static/sub/%2e%2e%2f%2e%2e%2fstatic-secret%2fkey.txt',
];

let base: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'reins-traversal-'));
  writeFileSync(join(base, 'secret.txt'), SECRET);
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'secret.txt'), SECRET);
  mkdirSync(join(base, 'static-secret'));
  writeFileSync(join(base, 'static-secret', 'key.txt'), SECRET);
  for (const root of ['static', 'collected']) {
    mkdirSync(join(base, root, 'sub'), { recursive: true });
    writeFileSync(join(base, root, 'site.css'), 'body{}');
    writeFileSync(join(base, root, 'sub', 'a.txt'), 'inside');
    symlinkSync(join(base, 'secret.txt'), join(base, root, 'out.txt'));
    symlinkSync(join(base, 'outside'), join(base, root, 'outdir'));
  }
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe.each([
  ['production (staticRoot index)', false],
  ['development (finders)', true],
])('%s', (_mode, debug) => {
  let server: TestServer;
  beforeAll(async () => {
    const staticfiles = new Staticfiles({
      staticUrl: '/static/',
      staticRoot: join(base, 'collected'),
      staticfilesDirs: [join(base, 'static')],
      debug,
    });
    server = await serve(staticFilesMiddleware(staticfiles));
  });
  afterAll(() => server.close());

  it('serves what is inside the root (controls)', async () => {
    expect((await rawGet(server.port, '/static/site.css')).status).toBe(200);
    expect((await rawGet(server.port, '/static/sub/a.txt')).text).toContain('inside');
  });

  it(`holds ${ATTEMPTS.length} attempts`, () => {
    expect(ATTEMPTS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ATTEMPTS)('%s → 404, nothing from outside', async (target) => {
    const { status, text } = await rawGet(server.port, target);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('root:');
    expect([400, 404]).toContain(status);
  });
});

/**
 * Issue #19 item 1, log forging: a request whose decoded path (or method, Host, user agent)
 * carries CR/LF or terminal escapes must not add a line to the log or reach the terminal raw.
 * Real sockets, the default console logger and the access log, as `reins runserver` writes them.
 */
import { DisallowedRedirect, Http404, HttpResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { path } from '@reins/urls';
import { requireHttpMethods } from '@reins/views';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleLogger, createApp } from '../../src/index.js';
import type { ReinsServer } from '../../src/index.js';
import { rawExchange, statusOf } from './raw-socket.js';

const records: string[] = [];
const accessLines: string[] = [];
let server: ReinsServer;

beforeAll(async () => {
  const app = createApp({
    rootUrlconf: [
      path('static/<path:path>', (_request: unknown, { path: file }: { path: string }) => {
        throw new Http404(`'${file}' could not be found`);
      }),
      path(
        'only-get/<str:rest>',
        requireHttpMethods(['GET'])(() => new HttpResponse('ok')),
      ),
      path('boom/<str:rest>', () => {
        throw new Error('boom');
      }),
      path('host/', (request: { getHost(): string }) => new HttpResponse(request.getHost())),
      // Application code quoting a header in a security error: its message reaches the log.
      path('ua/', (request: HttpRequest): HttpResponse => {
        throw new DisallowedRedirect(
          `Refusing to redirect user agent ${request.headers.get('User-Agent') ?? ''}`,
        );
      }),
    ],
    allowedHosts: ['127.0.0.1'],
    logger: consoleLogger({ stream: { write: (text: string) => records.push(text) } }),
  });
  server = await app.listen({ port: 0, accessLog: (line) => accessLines.push(line) });
});

afterAll(async () => {
  await server.close();
});

const FORGED = '%0d%0aFORGED%20[07/Dec/2026%2000:00:00]%20%22GET%20/admin/%20HTTP/1.1%22%20200%200';

function request(target: string, headers = 'Host: 127.0.0.1\r\n', method = 'GET'): string {
  return `${method} ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;
}

// Control characters (C0, DEL, C1), format characters and line separators: none may reach a log.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * Each record is one line; a record with an error adds its stack below: one `Name: message` line
 * and the frames. No line has a control character.
 */
function expectClean(text: string): void {
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  for (const line of lines) expect(line).not.toMatch(UNSAFE);
  expect(lines.filter((line) => !line.startsWith('    at ')).length).toBeLessThanOrEqual(2);
}

describe('log forging (issue #19 item 1)', () => {
  it.each([
    ['a 404 with CRLF and a fake access line', `/nothing-here${FORGED}`, 404],
    ['a 404 with a bare LF', '/nothing-here%0aFORGED', 404],
    ['a 404 with terminal escapes', '/x%1b[2J%1b]0;pwned%07', 404],
    ['a 404 under /static/', `/static/style.css${FORGED}`, 404],
    ['a 404 with C1, bidi and line-separator characters', '/x%c2%9b2J%e2%80%ae%e2%80%a8y', 404],
    ['a 500 on the debug-off page', '/boom/x%0d%0aFORGED%1b[2J', 500],
  ])('%s logs one escaped line', async (_name, target, status) => {
    records.length = 0;
    accessLines.length = 0;
    expect(statusOf(await rawExchange(server.address.port, request(target)))).toBe(status);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expectClean(record);
    expect(records.join('')).not.toContain('\nFORGED');
    expect(records[0]).toMatch(/^(Not Found|Internal Server Error): \//);
    expect(accessLines).toHaveLength(1);
    expect(accessLines[0]).not.toMatch(UNSAFE);
  });

  it('escapes as Python’s unicode_escape spells it: \\r\\n, \\x1b, \\\\', async () => {
    records.length = 0;
    await rawExchange(server.address.port, request('/x%0d%0ay%1b[2J%5cz'));
    expect(records).toEqual(['Not Found: /x\\r\\ny\\x1b[2J\\\\z\n']);
  });

  it('a 405 with a hostile path and an extension method logs one escaped line', async () => {
    records.length = 0;
    const received = await rawExchange(
      server.address.port,
      request('/only-get/x%0d%0aFORGED%1b[2J', 'Host: 127.0.0.1\r\n', 'PURGE'),
    );
    expect(statusOf(received)).toBe(405);
    for (const record of records) expectClean(record);
    expect(records[0]).toBe('Method Not Allowed (PURGE): /only-get/x\\r\\nFORGED\\x1b[2J\n');
  });

  it('a hostile Host and user agent (obs-text bytes Node lets through) log clean lines', async () => {
    records.length = 0;
    accessLines.length = 0;
    const headers = Buffer.from(
      'GET /host/ HTTP/1.1\r\nHost: evil\x9b2J.com\r\nUser-Agent: ua\x9b2J\x85x\r\nConnection: close\r\n\r\n',
      'latin1',
    );
    expect(statusOf(await rawExchange(server.address.port, headers))).toBe(400);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expectClean(record);
    expect(records.join('')).toContain('Invalid HTTP_HOST header');
    for (const line of accessLines) expect(line).not.toMatch(UNSAFE);
  });

  it('a user agent quoted in an error message is escaped in the record and its stack', async () => {
    records.length = 0;
    const bytes = Buffer.from(
      'GET /ua/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: ua\x9b2J\x85FORGED\r\nConnection: close\r\n\r\n',
      'latin1',
    );
    expect(statusOf(await rawExchange(server.address.port, bytes))).toBe(400);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expectClean(record);
    expect(records.join('')).toContain('Refusing to redirect user agent ua\\x9b2J\\x85FORGED');
  });

  it('a method with control characters never reaches the app or the log (Node refuses it)', async () => {
    records.length = 0;
    accessLines.length = 0;
    const received = await rawExchange(server.address.port, request('/x', undefined, 'GE\x1bT'));
    expect(statusOf(received)).toBe(400);
    expect(records).toEqual([]);
    expect(accessLines).toEqual([]);
  });
});

describe('a bad Host logs one line per record (Django logs security records without exc_info)', () => {
  it('writes the DisallowedHost record without its stack', async () => {
    let written = '';
    const app = createApp({
      rootUrlconf: [path('', () => new HttpResponse('ok'))],
      allowedHosts: ['127.0.0.1'],
      logger: consoleLogger({ stream: { write: (text: string) => (written += text) } }),
    });
    const response = await app.fetch(new Request('http://evil.example/'));
    expect(response.status).toBe(400);
    const lines = written.split('\n').filter(Boolean);
    // Django's two records, a line each: the security record, then django.request's warning.
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Invalid HTTP_HOST header: 'evil\.example'/);
    expect(lines[1]).toBe('Bad Request: /');
  });
});

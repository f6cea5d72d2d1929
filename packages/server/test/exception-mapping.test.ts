/**
 * Exception → response (django-semantics.md §2.4): each error family gives its status with debug
 * off and on, the page debug shows, and what is logged, on which logger, at which level.
 */
import {
  BadRequest,
  DisallowedHost,
  DisallowedRedirect,
  Http404,
  MultiPartParserError,
  PermissionDenied,
  RequestDataTooBig,
  SuspiciousOperation,
  TooManyFieldsSent,
} from '@reins/http';
import { path } from '@reins/urls';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { makeRequest, recordingLogger, text } from './helpers.js';

class CustomError extends Error {
  override name = 'CustomError';
}

const CASES: {
  name: string;
  error: () => unknown;
  status: number;
  debugStatus: number;
  debugPage: 'technical404' | 'technical500' | 'plain';
  log: { logger: string; level: string; message: string } | null;
}[] = [
  {
    name: 'Http404',
    error: () => new Http404('No such thing'),
    status: 404,
    debugStatus: 404,
    debugPage: 'technical404',
    log: { logger: 'reins.request', level: 'warning', message: 'Not Found: /raise/' },
  },
  {
    name: 'PermissionDenied',
    error: () => new PermissionDenied('staff only'),
    status: 403,
    debugStatus: 403,
    debugPage: 'plain',
    log: {
      logger: 'reins.request',
      level: 'warning',
      message: 'Forbidden (Permission denied): /raise/',
    },
  },
  {
    name: 'MultiPartParserError',
    error: () => new MultiPartParserError('bad boundary'),
    status: 400,
    debugStatus: 400,
    debugPage: 'plain',
    log: {
      logger: 'reins.request',
      level: 'warning',
      message: 'Bad request (Unable to parse request body): /raise/',
    },
  },
  {
    name: 'BadRequest',
    error: () => new BadRequest('bad'),
    status: 400,
    debugStatus: 400,
    debugPage: 'technical500',
    log: { logger: 'reins.request', level: 'warning', message: 'bad: /raise/' },
  },
  {
    name: 'SuspiciousOperation',
    error: () => new SuspiciousOperation('tampered'),
    status: 400,
    debugStatus: 400,
    debugPage: 'technical500',
    log: { logger: 'reins.security.SuspiciousOperation', level: 'error', message: 'tampered' },
  },
  {
    name: 'DisallowedHost',
    error: () => new DisallowedHost('bad host'),
    status: 400,
    debugStatus: 400,
    debugPage: 'technical500',
    log: { logger: 'reins.security.DisallowedHost', level: 'error', message: 'bad host' },
  },
  {
    name: 'DisallowedRedirect',
    error: () => new DisallowedRedirect('javascript:'),
    status: 400,
    debugStatus: 400,
    debugPage: 'technical500',
    log: { logger: 'reins.security.DisallowedRedirect', level: 'error', message: 'javascript:' },
  },
  {
    name: 'RequestDataTooBig (Django: 400, not 413)',
    error: () => new RequestDataTooBig('too big'),
    status: 400,
    debugStatus: 400,
    debugPage: 'technical500',
    log: { logger: 'reins.security.RequestDataTooBig', level: 'error', message: 'too big' },
  },
  {
    name: 'TooManyFieldsSent',
    error: () => new TooManyFieldsSent('too many'),
    status: 400,
    debugStatus: 400,
    debugPage: 'technical500',
    log: { logger: 'reins.security.TooManyFieldsSent', level: 'error', message: 'too many' },
  },
  {
    name: 'TypeError',
    error: () => new TypeError('x is not a function'),
    status: 500,
    debugStatus: 500,
    debugPage: 'technical500',
    log: { logger: 'reins.request', level: 'error', message: 'Internal Server Error: /raise/' },
  },
  {
    name: 'a custom Error subclass',
    error: () => new CustomError('custom'),
    status: 500,
    debugStatus: 500,
    debugPage: 'technical500',
    log: { logger: 'reins.request', level: 'error', message: 'Internal Server Error: /raise/' },
  },
  {
    name: 'a thrown string',
    error: () => 'just a string',
    status: 500,
    debugStatus: 500,
    debugPage: 'technical500',
    log: { logger: 'reins.request', level: 'error', message: 'Internal Server Error: /raise/' },
  },
];

function appFor(error: () => unknown, debug: boolean, async: boolean) {
  const logger = recordingLogger();
  const view = async
    ? async () => {
        await Promise.resolve();
        throw error();
      }
    : () => {
        throw error();
      };
  const app = createApp({
    rootUrlconf: [path('raise/', view)],
    debug,
    allowedHosts: ['testserver'],
    logger,
  });
  return { app, logger };
}

describe.each([
  ['a sync view', false],
  ['an async view', true],
])('exception mapping from %s', (_label, async) => {
  it.each(CASES)('$name → $status (debug off), logged as Django logs it', async (entry) => {
    const { app, logger } = appFor(entry.error, false, async);
    const response = await app.handle(makeRequest('/raise/'));
    expect(response.status).toBe(entry.status);
    expect(text(response)).not.toContain('Traceback');
    const records = logger.records.filter(
      (record) => record.level === 'warning' || record.level === 'error',
    );
    // Django's security log does not mark the response as logged, so the generic line follows.
    const security = entry.log!.logger.startsWith('reins.security.');
    expect(records).toHaveLength(security ? 2 : 1);
    expect(records[0]).toMatchObject(entry.log!);
    if (security) {
      expect(records[1]).toMatchObject({
        logger: 'reins.request',
        level: 'warning',
        message: 'Bad Request: /raise/',
      });
    }
    if (entry.status !== 404) expect(records[0]!.error).toBeDefined();
  });

  it.each(CASES)('$name → $debugStatus with the $debugPage page (debug on)', async (entry) => {
    const { app } = appFor(entry.error, true, async);
    const response = await app.handle(makeRequest('/raise/', { headers: { accept: 'text/html' } }));
    expect(response.status).toBe(entry.debugStatus);
    const body = text(response);
    if (entry.debugPage === 'technical404') {
      expect(body).toContain('Page not found at /raise/');
      expect(body).toContain('Raised by:');
    } else if (entry.debugPage === 'technical500') {
      expect(body).toContain('<h2>Traceback</h2>');
    } else {
      expect(body).not.toContain('Traceback');
    }
  });
});

describe('error handlers that fail', () => {
  it('falls back to the 500 path when handler404 throws, and logs it', async () => {
    const logger = recordingLogger();
    const app = createApp({
      rootUrlconf: [],
      allowedHosts: ['testserver'],
      logger,
      handler404: () => {
        throw new Error('handler broke');
      },
    });
    const response = await app.handle(makeRequest('/nope/'));
    expect(response.status).toBe(500);
    expect(text(response)).toContain('Server Error (500)');
    expect(
      logger.records.some(
        (record) => (record.error as Error | undefined)?.message === 'handler broke',
      ),
    ).toBe(true);
  });

  it('answers with the built-in 500 page when handler500 itself rejects', async () => {
    const app = createApp({
      rootUrlconf: [
        path('', () => {
          throw new Error('view');
        }),
      ],
      allowedHosts: ['testserver'],
      logger: recordingLogger(),
      handler500: () => Promise.reject(new Error('500 handler broke')),
    });
    const response = await app.handle(makeRequest('/'));
    expect(response.status).toBe(500);
    expect(text(response)).toContain('<title>Server Error (500)</title>');
  });

  it('uses custom handlers with (request, exception) and (request)', async () => {
    const seen: unknown[] = [];
    const { HttpResponse } = await import('@reins/http');
    const app = createApp({
      rootUrlconf: [
        path('denied/', () => {
          throw new PermissionDenied('nope');
        }),
        path('bad/', () => {
          throw new BadRequest('bad');
        }),
        path('boom/', () => {
          throw new Error('boom');
        }),
      ],
      allowedHosts: ['testserver'],
      logger: recordingLogger(),
      handler400: (_request, error) => {
        seen.push(error);
        return new HttpResponse('custom 400', { status: 400 });
      },
      handler403: (_request, error) =>
        new HttpResponse(`custom 403: ${(error as Error).message}`, { status: 403 }),
      handler404: (request) => new HttpResponse(`custom 404 for ${request.path}`, { status: 404 }),
      handler500: (...args: unknown[]) =>
        new HttpResponse(`custom 500 with ${args.length} argument`, { status: 500 }),
    });
    expect(text(await app.handle(makeRequest('/missing/')))).toBe('custom 404 for /missing/');
    expect(text(await app.handle(makeRequest('/denied/')))).toBe('custom 403: nope');
    expect(text(await app.handle(makeRequest('/bad/')))).toBe('custom 400');
    expect(BadRequest.isInstance(seen[0])).toBe(true);
    expect(text(await app.handle(makeRequest('/boom/')))).toBe('custom 500 with 1 argument');
  });
});

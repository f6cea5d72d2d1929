/**
 * Every case recorded from Django 3.2 in fixtures/middleware.json, run through the reins
 * middleware with a fake inner handler (the view's response for a path that resolves, Django's
 * plain 404 otherwise) and compared field by field: status, headers, cookies, body, error.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { HttpResponseBase } from '@reins/http';
import {
  DisallowedHost,
  HttpRequest,
  HttpResponse as Response,
  HttpResponseNotFound,
  PermissionDenied,
  StreamingHttpResponse,
} from '@reins/http';
import { describe, expect, it } from 'vitest';
import type { GetResponse, Middleware } from '../src/index.js';
import {
  AppendSlashError,
  commonMiddleware,
  conditionalGetMiddleware,
  gzipMiddleware,
  noAppendSlash,
  securityMiddleware,
  xFrameOptionsDeny,
  xFrameOptionsExempt,
  xFrameOptionsMiddleware,
  xFrameOptionsSameorigin,
} from '../src/index.js';
import { SECURITY_OPTIONS } from './security-setting-names.js';

interface ResponseSpec {
  status?: number;
  content?: string;
  content_b64?: string;
  content_type?: string;
  streaming?: boolean;
  chunks?: string[];
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
}

interface Case {
  name: string;
  middleware: string | string[];
  request: {
    method?: string;
    path?: string;
    query?: string;
    raw_path?: string;
    raw_query?: string;
    headers?: Record<string, string>;
    host?: string;
    secure?: boolean;
  };
  response?: ResponseSpec;
  settings: Record<string, unknown>;
  expected:
    | { error: { type: string; message: string } }
    | {
        status: number;
        headers: [string, string][];
        cookies: string[];
        streaming: boolean;
        content?: string;
        content_b64?: string;
        gzip_length?: number;
        gzip_b64?: string;
      };
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/middleware.json', import.meta.url), 'utf8'),
) as { generated_by: string; patterns: [string, string][]; cases: Case[] };

type View = (request: HttpRequest, params: Record<string, unknown>) => HttpResponseBase;

function buildResponse(spec: ResponseSpec = {}): HttpResponseBase {
  let response: HttpResponseBase;
  if (spec.streaming) {
    const encoder = new TextEncoder();
    response = new StreamingHttpResponse(
      (spec.chunks ?? []).map((chunk) => encoder.encode(chunk)),
      { status: spec.status ?? 200 },
    );
  } else {
    const content =
      spec.content_b64 !== undefined
        ? new Uint8Array(Buffer.from(spec.content_b64, 'base64'))
        : (spec.content ?? 'ok');
    response = new Response(content, { status: spec.status ?? 200 });
  }
  if (spec.content_type !== undefined) response.headers.set('Content-Type', spec.content_type);
  for (const [name, value] of Object.entries(spec.headers ?? {})) response.headers.set(name, value);
  for (const [name, value] of Object.entries(spec.cookies ?? {})) response.setCookie(name, value);
  return response;
}

function fakeUrlconf(spec: ResponseSpec | undefined) {
  const base: View = () => buildResponse(spec);
  const views: Record<string, View> = {
    view: base,
    no_append_slash: noAppendSlash(base),
    xframe_options_deny: xFrameOptionsDeny(base),
    xframe_options_sameorigin: xFrameOptionsSameorigin(base),
    xframe_options_exempt: xFrameOptionsExempt(base),
  };
  const patterns = fixture.patterns.map(([regex, name]) => ({
    regex: new RegExp(regex, 'u'),
    view: views[name]!,
  }));
  return {
    resolve(path: string) {
      // Django's root resolver consumes the leading '/', then the patterns see the rest.
      const rest = path.startsWith('/') ? path.slice(1) : null;
      const found = rest === null ? undefined : patterns.find(({ regex }) => regex.test(rest));
      if (!found)
        throw Object.assign(new Error(`no match for ${path}`), { code: 'urls.resolver404' });
      return { view: found.view, args: [], kwargs: {} };
    },
  };
}

function middlewareFor(name: string, testCase: Case): Middleware {
  const settings = testCase.settings;
  switch (name) {
    case 'CommonMiddleware':
      return commonMiddleware({
        appendSlash: (settings.APPEND_SLASH as boolean | undefined) ?? true,
        prependWww: (settings.PREPEND_WWW as boolean | undefined) ?? false,
        debug: (settings.DEBUG as boolean | undefined) ?? false,
        disallowedUserAgents: (settings.DISALLOWED_USER_AGENTS as string[] | undefined) ?? [],
      });
    case 'SecurityMiddleware': {
      // Django 3.2 has no Cross-Origin-Opener-Policy; its own test below covers our default.
      const options: Record<string, unknown> = { crossOriginOpenerPolicy: null };
      for (const [name, value] of Object.entries(settings))
        options[SECURITY_OPTIONS[name]!] = value;
      return securityMiddleware(options);
    }
    case 'XFrameOptionsMiddleware':
      return xFrameOptionsMiddleware(
        settings.X_FRAME_OPTIONS === undefined
          ? {}
          : { xFrameOptions: settings.X_FRAME_OPTIONS as string },
      );
    case 'GZipMiddleware':
      return gzipMiddleware();
    case 'ConditionalGetMiddleware':
      return conditionalGetMiddleware();
    default:
      throw new Error(`unknown middleware ${name}`);
  }
}

function buildRequest(testCase: Case): HttpRequest {
  const spec = testCase.request;
  const headers: Record<string, string> = { host: spec.host ?? 'testserver' };
  for (const [name, value] of Object.entries(spec.headers ?? {}))
    headers[name.toLowerCase()] = value;
  const query = spec.raw_query ?? spec.query;
  const url = spec.raw_path ?? (spec.path ?? '/') + (query ? `?${query}` : '');
  const request = new HttpRequest({
    method: spec.method ?? 'GET',
    url,
    headers,
    scheme: spec.secure ? 'https' : 'http',
    options: { allowedHosts: ['testserver', 'www.testserver', 'example.com'] },
  });
  request.urlconf = fakeUrlconf(testCase.response);
  return request;
}

async function bodyOf(response: HttpResponseBase): Promise<Uint8Array> {
  if (!response.streaming) return (response as Response).content;
  const chunks: Uint8Array[] = [];
  for await (const chunk of (response as unknown as StreamingHttpResponse).streamingContent) {
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

const ERROR_CHECKS: Record<string, (error: unknown) => boolean> = {
  RuntimeError: (error) => AppendSlashError.isInstance(error),
  PermissionDenied: (error) => PermissionDenied.isInstance(error),
  DisallowedHost: (error) => DisallowedHost.isInstance(error),
};

describe(`Django vectors (${fixture.generated_by})`, () => {
  it.each(fixture.cases.map((testCase) => [testCase.name, testCase] as const))(
    '%s',
    async (_name, testCase) => {
      const request = buildRequest(testCase);
      const inner: GetResponse = (req) => {
        const urlconf = req.urlconf as ReturnType<typeof fakeUrlconf>;
        let match;
        try {
          match = urlconf.resolve(req.pathInfo);
        } catch {
          return new HttpResponseNotFound('Not Found');
        }
        return match.view(req, {});
      };
      const names = Array.isArray(testCase.middleware)
        ? testCase.middleware
        : [testCase.middleware];
      const handler = names.reduceRight<GetResponse>(
        (next, name) => middlewareFor(name, testCase)(next),
        inner,
      );
      const expected = testCase.expected;

      if ('error' in expected) {
        let caught: unknown;
        try {
          await handler(request);
        } catch (error) {
          caught = error;
        }
        expect(caught, 'an error was expected').toBeDefined();
        expect(ERROR_CHECKS[expected.error.type]!(caught)).toBe(true);
        expect((caught as Error).message).toBe(expected.error.message);
        return;
      }

      const response = await handler(request);
      expect(response.status).toBe(expected.status);
      expect(response.streaming).toBe(expected.streaming);
      const actualHeaders = Object.fromEntries(
        [...response.headers].map(([name, value]) => [name.toLowerCase(), value]),
      );
      const expectedHeaders = Object.fromEntries(
        expected.headers.map(([name, value]) => [name.toLowerCase(), value]),
      );
      expect(actualHeaders).toEqual(expectedHeaders);
      expect([...response.cookies.values()].map((cookie) => cookie.toString())).toEqual(
        expected.cookies,
      );

      let body = await bodyOf(response);
      if (expected.gzip_length !== undefined) {
        expect(body.byteLength).toBe(expected.gzip_length);
        // Same zlib, same level, same header: Django's bytes exactly.
        expect(Buffer.from(body).toString('base64')).toBe(expected.gzip_b64);
        body = gunzipSync(body);
      }
      if (expected.content_b64 !== undefined) {
        expect(Buffer.from(body).toString('base64')).toBe(expected.content_b64);
      } else {
        expect(new TextDecoder().decode(body)).toBe(expected.content);
      }
    },
  );
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DisallowedHost,
  DisallowedRedirect,
  HttpRequest,
  HttpResponseRedirect,
  QueryDict,
  TooManyFieldsSent,
  escape,
  parseCookie,
  urlHasAllowedHostAndScheme,
} from '../src/index.js';
import { thrown } from './thrown.js';

interface Vectors {
  generated_by: string;
  settings: { ALLOWED_HOSTS: string[]; DATA_UPLOAD_MAX_NUMBER_FIELDS: number };
  querystring: { input: string; lists?: [string, string[]][]; error?: string }[];
  escape: { input: string; output: string }[];
  cookies: { input: string; output: Record<string, string> }[];
  safe_url: { input: string; allowed_hosts: string[]; require_https: boolean; output: boolean }[];
  redirect: { input: string; location?: string; error?: string }[];
  host: { input: string; host?: string; error?: string }[];
}

const vectors = JSON.parse(
  readFileSync(new URL('./fixtures/http.json', import.meta.url), 'utf8'),
) as Vectors;
const { ALLOWED_HOSTS, DATA_UPLOAD_MAX_NUMBER_FIELDS } = vectors.settings;
const errors: Record<string, { isInstance(value: unknown): boolean }> = {
  TooManyFieldsSent,
  DisallowedRedirect,
  DisallowedHost,
};

describe(`conformance with ${vectors.generated_by}`, () => {
  describe('querystring', () => {
    it.each(vectors.querystring.map((c) => [JSON.stringify(c.input), c] as const))(
      '%s',
      (_name, c) => {
        const parse = () => new QueryDict(c.input, { maxNumFields: DATA_UPLOAD_MAX_NUMBER_FIELDS });
        if (c.error !== undefined) {
          expect(errors[c.error]!.isInstance(thrown(parse))).toBe(true);
          // The same limit applies to request.GET, on first access.
          const request = new HttpRequest({
            url: '/?' + c.input,
            options: { dataUploadMaxNumberFields: DATA_UPLOAD_MAX_NUMBER_FIELDS },
          });
          expect(errors[c.error]!.isInstance(thrown(() => request.GET))).toBe(true);
        } else {
          expect([...parse().lists()]).toEqual(c.lists);
          const request = new HttpRequest({
            url: '/?' + c.input,
            options: { dataUploadMaxNumberFields: DATA_UPLOAD_MAX_NUMBER_FIELDS },
          });
          expect([...request.GET.lists()]).toEqual(c.lists);
        }
      },
    );
  });

  describe('escape', () => {
    it.each(vectors.escape.map((c) => [JSON.stringify(c.input), c] as const))('%s', (_name, c) => {
      expect(escape(c.input).toString()).toBe(c.output);
    });
  });

  describe('cookies', () => {
    it.each(vectors.cookies.map((c) => [JSON.stringify(c.input), c] as const))('%s', (_name, c) => {
      expect({ ...parseCookie(c.input) }).toEqual(c.output);
      // Over the wire the header is UTF-8 bytes, which Node (like WSGI) hands over as Latin-1.
      const wire = Buffer.from(c.input, 'utf8').toString('latin1');
      const request = new HttpRequest({ headers: { cookie: wire } });
      expect({ ...request.COOKIES }).toEqual(c.output);
    });
  });

  describe('safe_url', () => {
    it.each(
      vectors.safe_url.map(
        (c) => [`${JSON.stringify(c.input)} requireHttps=${c.require_https}`, c] as const,
      ),
    )('%s', (_name, c) => {
      expect(
        urlHasAllowedHostAndScheme(c.input, {
          allowedHosts: c.allowed_hosts,
          requireHttps: c.require_https,
        }),
      ).toBe(c.output);
    });
  });

  describe('redirect', () => {
    it.each(vectors.redirect.map((c) => [JSON.stringify(c.input), c] as const))(
      '%s',
      (_name, c) => {
        if (c.error !== undefined) {
          const error = thrown(() => new HttpResponseRedirect(c.input));
          expect(errors[c.error]!.isInstance(error)).toBe(true);
          expect((error as { status: number }).status).toBe(400);
        } else {
          const response = new HttpResponseRedirect(c.input);
          expect(response.status).toBe(302);
          expect(response.url).toBe(c.location);
          expect(response.headers.get('Location')).toBe(c.location);
        }
      },
    );
  });

  describe('host', () => {
    it.each(vectors.host.map((c) => [JSON.stringify(c.input), c] as const))('%s', (_name, c) => {
      const request = new HttpRequest({
        headers: { host: c.input },
        options: { allowedHosts: ALLOWED_HOSTS },
      });
      if (c.error !== undefined) {
        const error = thrown(() => request.getHost());
        expect(errors[c.error]!.isInstance(error)).toBe(true);
        expect((error as { status: number }).status).toBe(400);
      } else {
        expect(request.getHost()).toBe(c.host);
      }
    });
  });
});

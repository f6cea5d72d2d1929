/**
 * Properties over open-ended input: any password hashes and verifies (and a different one does
 * not); any `next` survives the login redirect's query string; no `next` that LoginView follows
 * leaves the site.
 */
import { urlHasAllowedHostAndScheme } from '@reins/http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPassword,
  configurePasswordHashers,
  makePassword,
  PBKDF2PasswordHasher,
  PBKDF2SHA1PasswordHasher,
  redirectToLogin,
} from '../src/index.js';

beforeAll(() =>
  configurePasswordHashers([
    new PBKDF2PasswordHasher({ iterations: 10 }),
    new PBKDF2SHA1PasswordHasher(),
  ]),
);
afterAll(() =>
  configurePasswordHashers([new PBKDF2PasswordHasher(), new PBKDF2SHA1PasswordHasher()]),
);

describe('properties', () => {
  it('any password verifies against its own hash and no other', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        async (password, other) => {
          const encoded = await makePassword(password);
          expect(encoded.length).toBeLessThan(128);
          expect(await checkPassword(password, encoded)).toBe(true);
          if (other !== password) expect(await checkPassword(other, encoded)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("any next comes back out of the login redirect's query unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (next) => {
        const location = redirectToLogin(next).headers.get('Location')!;
        expect(location.startsWith('/accounts/login/?next=')).toBe(true);
        expect(new URL(location, 'http://testserver').searchParams.get('next')).toBe(next);
      }),
    );
  });

  it('a next that passes the check for the request host never names another host', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(
            fc.webUrl(),
            fc.string({ maxLength: 30 }),
            fc.constantFrom('//', '\\\\', '/\\', 'https:', '\t//'),
          )
          .chain((head) => fc.tuple(fc.constant(head), fc.webPath())),
        ([head, tail]) => {
          const next = head + tail;
          if (!urlHasAllowedHostAndScheme(next, { allowedHosts: ['testserver'] })) return;
          // Whatever a browser makes of it, it stays on testserver.
          // ('//' alone passes, as in Django: no host at all, which no browser follows.)
          let host: string;
          try {
            host = new URL(next, 'http://testserver/some/page').host;
          } catch {
            return;
          }
          expect(host).toBe('testserver');
        },
      ),
      { numRuns: 500 },
    );
  });
});

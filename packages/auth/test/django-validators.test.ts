/**
 * Django 3.2's four password validators, recorded (test/fixtures/record-django-auth.py): the same
 * complaints, in the same order, with the same messages; and the session-auth hash vectors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getSessionAuthHash, validatePassword, verifySessionAuthHash } from '../src/index.js';

interface Fixture {
  validation: {
    password: string;
    user: Record<string, string> | null;
    problems: { code: string; message: string }[];
  }[];
  session_hashes: { password: string; secret_key: string; sha256: string; legacy_sha1: string }[];
}
const fixture = JSON.parse(
  readFileSync(new URL('fixtures/django-auth.json', import.meta.url), 'utf8'),
) as Fixture;

const camel = (user: Record<string, string> | null) =>
  user &&
  Object.fromEntries(
    Object.entries(user).map(([key, value]) => [
      key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()),
      value,
    ]),
  );

describe("Django's default password validators", () => {
  it.each(
    fixture.validation.map((c) => [JSON.stringify(c.password), JSON.stringify(c.user), c] as const),
  )('%s for user %s', (_password, _user, vector) => {
    expect(validatePassword(vector.password, camel(vector.user))).toEqual(vector.problems);
  });
});

describe('session-auth hash', () => {
  it.each(fixture.session_hashes.map((c) => [JSON.stringify(c.password), c] as const))(
    "of %s is Django 3.2's (salted HMAC-SHA256), and the SHA-1 one of 3.1 is still accepted",
    (_name, vector) => {
      expect(getSessionAuthHash(vector.password, vector.secret_key)).toBe(vector.sha256);
      expect(verifySessionAuthHash(vector.sha256, vector.password, vector.secret_key)).toBe(true);
      expect(verifySessionAuthHash(vector.legacy_sha1, vector.password, vector.secret_key)).toBe(
        true,
      );
      expect(verifySessionAuthHash(vector.sha256, `${vector.password}x`, vector.secret_key)).toBe(
        false,
      );
      expect(verifySessionAuthHash('', vector.password, vector.secret_key)).toBe(false);
      expect(verifySessionAuthHash(undefined, vector.password, vector.secret_key)).toBe(false);
    },
  );
});

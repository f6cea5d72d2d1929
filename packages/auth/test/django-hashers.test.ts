/**
 * Django-recorded password hashes (test/fixtures/record-django-auth.py, Django 3.2.25 with
 * argon2-cffi and bcrypt): every hash Django made verifies in reins, and reins makes the same
 * hash from the same salt, so a hash made by reins verifies in Django.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Argon2PasswordHasher,
  BCryptPasswordHasher,
  BCryptSHA256PasswordHasher,
  checkPassword,
  configurePasswordHashers,
  getHasher,
  identifyHasher,
  isPasswordUsable,
  makePassword,
  PBKDF2PasswordHasher,
  PBKDF2SHA1PasswordHasher,
  ScryptPasswordHasher,
} from '../src/index.js';

interface Fixture {
  pbkdf2_iterations: number;
  salt_length: number;
  vectors: { hasher: string; password: string; salt: string; encoded: string }[];
  legacy: {
    password: string;
    encoded: string;
    must_update: boolean;
    check: boolean;
    check_wrong: boolean;
  }[];
  checks: { encoded: string; usable: boolean; check: boolean | 'raises' }[];
}
const fixture = JSON.parse(
  readFileSync(new URL('fixtures/django-auth.json', import.meta.url), 'utf8'),
) as Fixture;

const all = () => [
  new PBKDF2PasswordHasher(),
  new PBKDF2SHA1PasswordHasher(),
  new Argon2PasswordHasher(),
  new BCryptSHA256PasswordHasher(),
  new BCryptPasswordHasher(),
  new ScryptPasswordHasher(),
];

afterEach(() => {
  configurePasswordHashers([new PBKDF2PasswordHasher(), new PBKDF2SHA1PasswordHasher()]);
});

describe('Django 3.2 defaults', () => {
  it("PBKDF2's default work factor and the salt length are Django 3.2's", async () => {
    expect(new PBKDF2PasswordHasher().iterations).toBe(fixture.pbkdf2_iterations);
    expect(new PBKDF2PasswordHasher().salt()).toHaveLength(fixture.salt_length);
    const encoded = await makePassword('greetings-demo');
    expect(encoded).toMatch(/^pbkdf2_sha256\$260000\$[A-Za-z0-9]{22}\$[A-Za-z0-9+/]{43}=$/);
  });
});

describe.each(['pbkdf2_sha256', 'pbkdf2_sha1', 'argon2', 'bcrypt_sha256', 'bcrypt', 'scrypt'])(
  '%s against Django',
  (algorithm) => {
    const vectors = fixture.vectors.filter((vector) => vector.hasher === algorithm);
    it.each(
      vectors.map((vector) => [JSON.stringify(vector.password).slice(0, 24), vector] as const),
    )(
      'password %s: Django hash verifies, wrong password does not, same salt gives the same hash',
      async (_name, vector) => {
        configurePasswordHashers(all());
        const hasher = getHasher(algorithm);
        expect(await checkPassword(vector.password, vector.encoded)).toBe(true);
        expect(await checkPassword(`!${vector.password}`, vector.encoded)).toBe(false);
        expect(await makePassword(vector.password, { salt: vector.salt, hasher })).toBe(
          vector.encoded,
        );
        expect(identifyHasher(vector.encoded).algorithm).toBe(algorithm);
      },
      60_000,
    );
  },
);

describe('upgrading on login (must_update)', () => {
  it.each(fixture.legacy.map((c) => [c.encoded.slice(0, 30), c] as const))(
    '%s…: Django says must_update, checkPassword calls the setter only for the right password',
    async (_name, legacy) => {
      configurePasswordHashers(all().slice(0, 1).concat(all().slice(1)));
      const hasher = getHasher('default');
      expect(
        hasher.algorithm !== identifyHasher(legacy.encoded).algorithm ||
          hasher.mustUpdate(legacy.encoded),
      ).toBe(legacy.must_update);
      const upgraded: string[] = [];
      const setter = (raw: string) => upgraded.push(raw);
      expect(await checkPassword('wrong', legacy.encoded, { setter })).toBe(legacy.check_wrong);
      expect(upgraded).toEqual([]);
      expect(await checkPassword(legacy.password, legacy.encoded, { setter })).toBe(legacy.check);
      expect(upgraded).toEqual([legacy.password]);
    },
    60_000,
  );

  it('a current hash is not upgraded', async () => {
    const encoded = await makePassword('greetings-demo');
    let called = false;
    expect(await checkPassword('greetings-demo', encoded, { setter: () => (called = true) })).toBe(
      true,
    );
    expect(called).toBe(false);
  });

  it('a changed Argon2 work factor upgrades the hash', async () => {
    const weak = new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    configurePasswordHashers([
      new Argon2PasswordHasher({ memoryCost: 2048, timeCost: 1, parallelism: 1 }),
    ]);
    const encoded = await makePassword('pw', { hasher: weak });
    const upgraded: string[] = [];
    expect(await checkPassword('pw', encoded, { setter: (raw) => upgraded.push(raw) })).toBe(true);
    expect(upgraded).toEqual(['pw']);
  });
});

describe('unusable, unknown and malformed hashes', () => {
  it.each(fixture.checks.map((c) => [JSON.stringify(c.encoded), c] as const))(
    '%s: usable as Django says; checkPassword is false (Django raises for a malformed known hash)',
    async (_name, check) => {
      expect(isPasswordUsable(check.encoded)).toBe(check.usable);
      expect(await checkPassword('greetings-demo', check.encoded)).toBe(false);
    },
  );

  it('makePassword(null) is unusable: "!" and 40 random characters', async () => {
    const encoded = await makePassword(null);
    expect(encoded).toMatch(/^![A-Za-z0-9]{40}$/);
    expect(isPasswordUsable(encoded)).toBe(false);
    expect(await checkPassword('', encoded)).toBe(false);
    expect(await checkPassword(null, await makePassword('x'))).toBe(false);
  });

  it('malformed hashes of every hasher answer false instead of throwing', async () => {
    configurePasswordHashers(all());
    for (const encoded of [
      'argon2$argon2id$v=19$m=x,t=2,p=8$salt$hash',
      'argon2$nonsense',
      'bcrypt_sha256$$2b$12$short',
      'bcrypt$nonsense',
      'scrypt$16384$salt$8',
      'scrypt$16383$salt$8$1$hash',
      'pbkdf2_sha1$0$salt$hash',
    ]) {
      expect(await checkPassword('pw', encoded)).toBe(false);
    }
  });
});

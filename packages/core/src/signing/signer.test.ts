import { describe, expect, it } from 'vitest';
import { ImproperlyConfigured } from '../improperly-configured.js';
import { BadSignature } from './bad-signature.js';
import { JSONSerializer, pythonJsonDumps } from './json-serializer.js';
import { Signer } from './signer.js';

// Recorded from Django 3.2 (test/signing/fixtures/django-signing.json).
const HELLO = 'hello:FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18';

describe('Signer', () => {
  it("signs as Django's Signer('secret') does", () => {
    expect(new Signer({ key: 'secret' }).sign('hello')).toBe(HELLO);
  });

  it('takes the key as bytes as well as text', () => {
    const bytes = new TextEncoder().encode('secret');
    expect(new Signer({ key: bytes }).sign('hello')).toBe(HELLO);
    expect(new Signer({ key: bytes.subarray(0) }).unsign(HELLO)).toBe('hello');
  });

  it('fails with ImproperlyConfigured naming secretKey when the key is missing or empty', () => {
    for (const key of [undefined, null, '', new Uint8Array()]) {
      let thrown: unknown;
      try {
        new Signer({ key });
      } catch (error) {
        thrown = error;
      }
      expect(ImproperlyConfigured.isInstance(thrown)).toBe(true);
      expect((thrown as ImproperlyConfigured).setting).toBe('secretKey');
      expect((thrown as Error).message).toContain('settings.secretKey');
    }
  });

  it('refuses an algorithm hashlib does not have, naming it', () => {
    expect(() => new Signer({ key: 'k', algorithm: 'sha257' })).toThrow(
      "'sha257' is not an algorithm accepted by the hashlib module",
    );
    expect(() => new Signer({ key: 'k', legacyAlgorithm: 'whirlpool' })).toThrow(/'whirlpool'/);
  });

  it('verifies with fallback keys but signs with the current one (key rotation)', () => {
    const old = new Signer({ key: 'old', salt: 's' }).sign('v');
    const rotated = new Signer({ key: 'new', salt: 's', fallbackKeys: ['older', 'old'] });
    expect(rotated.unsign(old)).toBe('v');
    expect(rotated.sign('v')).toBe(new Signer({ key: 'new', salt: 's' }).sign('v'));
    expect(() => new Signer({ key: 'new', salt: 's' }).unsign(old)).toThrow(BadSignature);
  });

  it('accepts legacy SHA-1 signatures, as Django 3.2 does, unless legacyAlgorithm is null', () => {
    const legacy = new Signer({ key: 'k', algorithm: 'sha1' }).sign('v');
    expect(new Signer({ key: 'k' }).unsign(legacy)).toBe('v');
    expect(() => new Signer({ key: 'k', legacyAlgorithm: null }).unsign(legacy)).toThrow(
      BadSignature,
    );
    const oldAndLegacy = new Signer({ key: 'old', algorithm: 'sha1' }).sign('v');
    expect(new Signer({ key: 'k', fallbackKeys: ['old'] }).unsign(oldAndLegacy)).toBe('v');
  });

  it('computes the signature under another key on request', () => {
    const signer = new Signer({ key: 'new' });
    expect(signer.signature('hello', 'secret')).toBe(HELLO.split(':')[1]);
  });

  it('refuses to sign a lone surrogate, which UTF-8 cannot carry', () => {
    const signer = new Signer({ key: 'k' });
    expect(() => signer.sign('a\ud800')).toThrow(TypeError);
    // A low half alone, and both halves in the wrong order, are lone too.
    expect(() => signer.sign('\udc00a')).toThrow(TypeError);
    expect(() => signer.sign('a\udc00\ud800b')).toThrow(TypeError);
    expect(signer.unsign(signer.sign('caf\u00e9 \u00ff'))).toBe('caf\u00e9 \u00ff');
    // The replacement character's signature does not verify a lone surrogate.
    const replaced = signer.sign('a\ufffd');
    expect(() => signer.unsign(replaced.replace('\ufffd', '\ud800'))).toThrow(BadSignature);
    expect(signer.unsign(signer.sign('😀'))).toBe('😀');
  });

  it('round-trips objects through signObject/unsignObject with a custom serializer', () => {
    const signer = new Signer({ key: 'k' });
    const serializer = {
      dumps: (value: unknown) => new TextEncoder().encode(String(value)),
      loads: (data: Uint8Array) => new TextDecoder().decode(data).toUpperCase(),
    };
    expect(signer.unsignObject(signer.signObject('abc', { serializer }), { serializer })).toBe(
      'ABC',
    );
  });

  it('compresses only when that shortens the payload', () => {
    const signer = new Signer({ key: 'k' });
    expect(signer.signObject('ab', { compress: true }).startsWith('.')).toBe(false);
    const long = signer.signObject('x'.repeat(1000), { compress: true });
    expect(long.startsWith('.')).toBe(true);
    expect(long.length).toBeLessThan(100);
    expect(signer.unsignObject(long)).toBe('x'.repeat(1000));
  });

  it("signs a string payload as its Latin-1 bytes, JSONSerializer's text as its bytes", () => {
    const signer = new Signer({ key: 'k' });
    const json = pythonJsonDumps({ user: 'x'.repeat(60), visits: 1, name: 'J\u00f6rg' });
    for (const compress of [true, false]) {
      expect(signer.signPayload(json, { compress })).toBe(
        signer.signPayload(JSONSerializer.dumps(JSON.parse(json)), { compress }),
      );
    }
    // Both outcomes of the zlib attempt: kept (a '.') and not (the bytes themselves).
    expect(signer.signPayload(json, { compress: true }).startsWith('.')).toBe(true);
    expect(signer.signPayload('{"a":1}', { compress: true })).toBe(signer.sign('eyJhIjoxfQ'));
    expect(signer.signPayload('caf\u00e9', {})).toBe(
      signer.signPayload(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), {}),
    );
  });
});

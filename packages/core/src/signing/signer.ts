/**
 * Django's `Signer`: `value:signature`, where the signature is the URL-safe base64 of a salted
 * HMAC of the value (SHA-256 by default, Django 3.2's `DEFAULT_HASHING_ALGORITHM`), with
 * Django 4.1's fallback keys for key rotation. Node-only (node:crypto, node:zlib).
 *
 * @module
 */
import { createHmac } from 'node:crypto';
import { ImproperlyConfigured } from '../improperly-configured.js';
import { BadSignature } from './bad-signature.js';
import { b64Decode } from './base64.js';
import { constantTimeCompare } from './constant-time-compare.js';
import { JSONSerializer, pythonJsonDumps, type Serializer } from './json-serializer.js';
import { PreparedHmac } from './internal/prepared-hmac.js';
import { payloadBase64 } from './internal/zlib-compress.js';
import { inflate } from './internal/zlib-inflate.js';
import { deriveKey, hashAlgorithm, keyBytes, type SecretKey } from './salted-hmac.js';

/** Options of `new Signer()` (Django's `Signer(key, sep, salt, algorithm, fallback_keys)`). */
export interface SignerOptions {
  /** The secret key (Django's `SECRET_KEY`): text or bytes. Required, non-empty. */
  key?: SecretKey | null | undefined;
  /** Older keys still accepted on `unsign()` (Django 4.1's `SECRET_KEY_FALLBACKS`); never used to sign. */
  fallbackKeys?: readonly SecretKey[] | undefined;
  /** Between value and signature. Default `':'`; must not be empty or only `A-z0-9-_=`. */
  sep?: string | undefined;
  /** Namespaces the signature; an empty salt means the default (Django's `module.ClassName`). */
  salt?: string | null | undefined;
  /** A hashlib algorithm name. Default `'sha256'`. */
  algorithm?: string | undefined;
  /**
   * Also accept signatures made with this algorithm on `unsign()` — Django 3.2 accepts SHA-1
   * signatures from before its switch to SHA-256 (removed in Django 4.0). Default `'sha1'`;
   * `null` accepts only `algorithm`.
   */
  legacyAlgorithm?: string | null | undefined;
}

/** Options of `signObject()`. */
export interface SignObjectOptions {
  /** How the value becomes bytes. Default {@link JSONSerializer}. */
  serializer?: Serializer | undefined;
  /** zlib-compress the bytes when that makes them shorter (marked by a leading `'.'`). Default `false`. */
  compress?: boolean | undefined;
}

/** Options of `unsignObject()`. */
export interface UnsignObjectOptions {
  /** How the bytes become a value again. Default {@link JSONSerializer}. */
  serializer?: Serializer | undefined;
}

// Python's re.match('^[A-z0-9-_=]*$'): `A-z` spans [\]^_` too, and `$` also matches before a
// final newline, so '\n' alone is unsafe.
const SEP_UNSAFE = /^[A-z0-9\-_=]*\n?$/;

// Whether `text` has a lone surrogate (an unpaired UTF-16 half), by ES2024's
// String.prototype.isWellFormed (Node 20; this repository's types stop at ES2023): V8 answers at
// once for a string of one-byte characters, where a regular expression scans it (~100 ns for a
// session cookie, on each signature made or checked).
function hasLoneSurrogate(text: string): boolean {
  return !(text as string & { isWellFormed(): boolean }).isWellFormed();
}

interface DerivedKey {
  readonly node: string;
  readonly hmac: PreparedHmac;
}

function derived(keySalt: string, secret: SecretKey, node: string): DerivedKey {
  return { node, hmac: new PreparedHmac(node, deriveKey(keySalt, secret, node)) };
}

/**
 * Signs strings and verifies them (Django's `django.core.signing.Signer`), byte-identical to
 * Django for the same key, salt and separator.
 *
 * @example
 * const signer = new Signer({ key: settings.secretKey, salt: 'newsletter' });
 * const token = signer.sign('ann@example.com'); // 'ann@example.com:…'
 * signer.unsign(token); // 'ann@example.com'; BadSignature if tampered
 */
export class Signer {
  /** Django's default salt, `'%s.%s' % (module, class name)` for its own classes. */
  protected static readonly defaultSalt: string = 'django.core.signing.Signer';
  /** Between value and signature. */
  readonly sep: string;
  /** The salt in use (the default when none was given). */
  readonly salt: string;
  /** The hashlib name of the signing algorithm. */
  readonly algorithm: string;
  readonly #keySalt: string;
  readonly #secrets: readonly SecretKey[];
  readonly #signing: DerivedKey;
  readonly #legacy: string | null;
  // Keys other than the signing one, derived on the first signature that needs them.
  #verifying: readonly DerivedKey[] | undefined;

  constructor(options: SignerOptions = {}) {
    const key = options.key;
    if (key === undefined || key === null || key.length === 0) {
      throw new ImproperlyConfigured(
        `${new.target.name} needs a secret key and got ${describeKey(key)}: pass { key: settings.secretKey } (a long random string, kept out of source control).`,
        { setting: 'secretKey', code: 'signing.missing_secret_key' },
      );
    }
    if (typeof key !== 'string' && !(key instanceof Uint8Array)) {
      throw new TypeError(`The signing key must be a string or a Uint8Array; got ${typeof key}.`);
    }
    const sep = options.sep ?? ':';
    if (SEP_UNSAFE.test(sep)) {
      throw new TypeError(
        `Unsafe Signer separator: '${sep}' (cannot be empty or consist of only A-z0-9-_=)`,
      );
    }
    this.sep = sep;
    this.salt = options.salt || new.target.defaultSalt;
    this.algorithm = options.algorithm ?? 'sha256';
    this.#keySalt = this.salt + 'signer';
    this.#secrets = [key, ...(options.fallbackKeys ?? [])];
    const node = hashAlgorithm(this.algorithm);
    this.#signing = derived(this.#keySalt, key, node);
    const legacy = options.legacyAlgorithm === undefined ? 'sha1' : options.legacyAlgorithm;
    this.#legacy = legacy === null || legacy === this.algorithm ? null : hashAlgorithm(legacy);
  }

  /**
   * The signature of `value` (URL-safe base64, no padding) under the signing key, or under
   * `key` when given.
   *
   * @example
   * signer.signature('hello'); // 'FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18' for key 'secret'
   */
  signature(value: string, key?: SecretKey): string {
    if (key === undefined) return this.#signing.hmac.base64url(value);
    const { node } = this.#signing;
    return createHmac(node, deriveKey(this.#keySalt, keyBytes(key), node))
      .update(value, 'utf8')
      .digest('base64url');
  }

  /**
   * `value`, the separator and its signature.
   *
   * @example
   * new Signer({ key: 'secret' }).sign('hello'); // 'hello:FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18'
   */
  sign(value: string): string {
    if (hasLoneSurrogate(value)) {
      // Node would sign U+FFFD in place of each lone surrogate, so two values would share one
      // signature; Django raises UnicodeEncodeError here.
      throw new TypeError(
        `Cannot sign a string with a lone surrogate (UTF-16 half of a pair): ${JSON.stringify(value)}.`,
      );
    }
    return `${value}${this.sep}${this.signature(value)}`;
  }

  /**
   * The value of a signed string, after checking its signature against the key, the fallback
   * keys and (as Django 3.2 does) the legacy SHA-1 signature.
   *
   * @throws {BadSignature} when there is no separator or no key's signature matches.
   * @example
   * signer.unsign('hello:FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18'); // 'hello'
   */
  unsign(signedValue: string): string {
    const at = signedValue.lastIndexOf(this.sep);
    if (at === -1) throw new BadSignature(`No "${this.sep}" found in value`);
    const value = signedValue.slice(0, at);
    const signature = signedValue.slice(at + this.sep.length);
    // sign() refuses lone surrogates, so no value holding one was signed.
    if (hasLoneSurrogate(value)) throw new BadSignature(`Signature "${signature}" does not match`);
    if (constantTimeCompare(signature, this.signature(value))) return value;
    for (const { hmac } of this.#verifyingKeys()) {
      if (constantTimeCompare(signature, hmac.base64url(value))) return value;
    }
    throw new BadSignature(`Signature "${signature}" does not match`);
  }

  /**
   * Serialize `value` (JSON by default), optionally compress it, base64 it and sign the result
   * (Django's `sign_object()`).
   *
   * @example
   * new Signer({ key: 'secret' }).signObject({ cart: [1, 2] }, { compress: true });
   */
  signObject(value: unknown, options: SignObjectOptions = {}): string {
    const serializer = options.serializer ?? JSONSerializer;
    // JSONSerializer's bytes are its text's Latin-1 bytes: the text goes on as it is.
    const data = serializer === JSONSerializer ? pythonJsonDumps(value) : serializer.dumps(value);
    return this.signPayload(data, options);
  }

  /**
   * Sign already-serialized bytes as `signObject()` does (zlib when it shrinks them, base64,
   * then `sign()`): for a caller that keeps the bytes, such as a cache of verified cookies. A
   * string stands for its Latin-1 bytes, as `JSONSerializer` makes them from `pythonJsonDumps()`
   * text, and costs no Buffer of its own.
   *
   * @example
   * const token = signer.signPayload(pythonJsonDumps({ visits: 1 }), { compress: true });
   */
  signPayload(data: Uint8Array | string, options: { compress?: boolean | undefined } = {}): string {
    return this.sign(payloadBase64(data, options.compress === true));
  }

  unsignObject(signedObject: string, options: UnsignObjectOptions = {}): unknown {
    return this.decodeObject(this.unsign(signedObject), options.serializer);
  }

  /** The object inside a verified `[.]base64` payload. */
  protected decodeObject(payload: string, serializer: Serializer = JSONSerializer): unknown {
    return serializer.loads(this.payloadBytes(payload));
  }

  /**
   * The serialized bytes inside an unsigned payload (base64, inflated when it starts with '.'),
   * before the serializer reads them: what `unsignObject()` decodes after `unsign()`.
   *
   * @example
   * const bytes = signer.payloadBytes(signer.unsign(token));
   */
  payloadBytes(payload: string): Uint8Array {
    const compressed = payload.startsWith('.');
    const data = b64Decode(compressed ? payload.slice(1) : payload);
    return compressed ? inflate(data) : data;
  }

  #verifyingKeys(): readonly DerivedKey[] {
    if (this.#verifying !== undefined) return this.#verifying;
    const keys: DerivedKey[] = [];
    const { node } = this.#signing;
    this.#secrets.forEach((secret, index) => {
      if (index > 0) keys.push(derived(this.#keySalt, secret, node));
      if (this.#legacy !== null) keys.push(derived(this.#keySalt, secret, this.#legacy));
    });
    return (this.#verifying = keys);
  }
}

function describeKey(key: SecretKey | null | undefined): string {
  if (key === '') return "''";
  if (key instanceof Uint8Array) return 'an empty Uint8Array';
  return String(key);
}

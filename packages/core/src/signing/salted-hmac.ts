/**
 * Django's `salted_hmac`: an HMAC keyed not with the secret itself but with
 * `hash(keySalt + secret)`, so one secret gives an unrelated key to every use of it.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import { createHash, createHmac, getHashes } from 'node:crypto';
import type { BinaryLike } from 'node:crypto';

/** A secret key as Django takes it: text (encoded as UTF-8) or bytes. */
export type SecretKey = string | Uint8Array;

// Python's hashlib spells a few algorithms differently from OpenSSL (node:crypto).
const NODE_NAMES: Readonly<Record<string, string>> = {
  sha3_224: 'sha3-224',
  sha3_256: 'sha3-256',
  sha3_384: 'sha3-384',
  sha3_512: 'sha3-512',
  blake2b: 'blake2b512',
  blake2s: 'blake2s256',
};
const HASHLIB = new Set([
  'md5',
  'sha1',
  'sha224',
  'sha256',
  'sha384',
  'sha512',
  ...Object.keys(NODE_NAMES),
]);
let available: Set<string> | undefined;

/**
 * The node:crypto name of a hashlib algorithm name (`'sha3_256'` → `'sha3-256'`), or a
 * `TypeError` naming it when Django's `hashlib` (or this Node build) has no such algorithm.
 *
 * @example
 * hashAlgorithm('sha256'); // 'sha256'
 */
export function hashAlgorithm(name: string): string {
  const node = NODE_NAMES[name] ?? name;
  available ??= new Set(getHashes());
  if (!HASHLIB.has(name) || !available.has(node)) {
    throw new TypeError(
      `'${name}' is not an algorithm accepted by the hashlib module (or not available in this Node build); use 'sha256' (Django's default), 'sha1', 'sha512' or another hashlib name.`,
    );
  }
  return node;
}

/** A key as bytes, the way Django's `force_bytes` makes them (UTF-8 for text). */
export function keyBytes(key: SecretKey): Buffer {
  return typeof key === 'string'
    ? Buffer.from(key, 'utf8')
    : Buffer.from(key.buffer, key.byteOffset, key.byteLength);
}

/**
 * The derived HMAC key `hash(keySalt + secret)` for a node:crypto algorithm name; a signer
 * computes it once and reuses it for every value.
 *
 * @example
 * const derived = deriveKey('django.core.signing.Signersigner', 'secret', 'sha256');
 */
export function deriveKey(keySalt: string, secret: SecretKey, nodeAlgorithm: string): Buffer {
  return createHash(nodeAlgorithm)
    .update(Buffer.from(keySalt, 'utf8'))
    .update(keyBytes(secret))
    .digest();
}

/**
 * Django's `salted_hmac(key_salt, value, secret, algorithm=…)`: the HMAC digest bytes of `value`
 * under `hash(keySalt + secret)`. Django's default algorithm here is `'sha1'`.
 *
 * @example
 * saltedHmac('my.salt', 'value', 'secret', { algorithm: 'sha256' }).toString('hex');
 */
export function saltedHmac(
  keySalt: string,
  value: BinaryLike,
  secret: SecretKey,
  options: { algorithm?: string } = {},
): Buffer {
  const algorithm = hashAlgorithm(options.algorithm ?? 'sha1');
  return createHmac(algorithm, deriveKey(keySalt, secret, algorithm))
    .update(value)
    .digest();
}

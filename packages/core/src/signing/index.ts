/**
 * `@reins/core/signing` — Django's `django.core.signing`, byte-identical to Django 3.2. A subpath of
 * its own because it is Node-only (`node:crypto`, `node:zlib`), while core's main entry runs on any
 * JavaScript runtime (so `@reins/urls`, which depends on core, still runs on Deno, Bun and workerd).
 *
 * @example
 * import { Signer } from '@reins/core/signing';
 * new Signer({ key: 'secret', salt: 'newsletter' }).sign('ann@example.com');
 *
 * @module
 */
export { BadSignature } from './bad-signature.js';
export { b62Decode, b62Encode } from './base62.js';
export { b64Decode, b64Encode } from './base64.js';
export { constantTimeCompare } from './constant-time-compare.js';
export { dumps } from './dumps.js';
export type { DumpsOptions } from './dumps.js';
export { JSONSerializer, pythonJsonDumps } from './json-serializer.js';
export type { Serializer } from './json-serializer.js';
export { loads } from './loads.js';
export { pythonJsonLoads } from './python-json-loads.js';
export type { LoadsOptions } from './loads.js';
export { saltedHmac } from './salted-hmac.js';
export type { SecretKey } from './salted-hmac.js';
export { SignatureExpired } from './signature-expired.js';
export { Signer } from './signer.js';
export type { SignerOptions, SignObjectOptions, UnsignObjectOptions } from './signer.js';
export { TimestampSigner } from './timestamp-signer.js';
export type { MaxAge, TimestampUnsignOptions } from './timestamp-signer.js';

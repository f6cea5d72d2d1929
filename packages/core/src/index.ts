/**
 * @reins/core — the primitives every reins package shares, each once: brands, errors, safe
 * strings, maybe-promises, Python-compatible helpers and signing. Zero runtime dependencies.
 *
 * @example
 * import { ReinsError, isThenable } from '@reins/core';
 *
 * @module
 */
export { brandPrototype, defineBrand, hasBrand, SAFE_STRING } from './brand.js';
export type { CheckMessage } from './check-message.js';
export { ImproperlyConfigured } from './improperly-configured.js';
export type { ImproperlyConfiguredOptions } from './improperly-configured.js';
export { andThen, isThenable } from './maybe-promise.js';
export type { MaybePromise } from './maybe-promise.js';
export { brandClass, ReinsError } from './reins-error.js';
// signing (Django's django.core.signing; Node-only: node:crypto and node:zlib)
export { BadSignature } from './signing/bad-signature.js';
export { b62Decode, b62Encode } from './signing/base62.js';
export { b64Decode, b64Encode } from './signing/base64.js';
export { constantTimeCompare } from './signing/constant-time-compare.js';
export { dumps } from './signing/dumps.js';
export type { DumpsOptions } from './signing/dumps.js';
export { JSONSerializer, pythonJsonDumps } from './signing/json-serializer.js';
export type { Serializer } from './signing/json-serializer.js';
export { loads } from './signing/loads.js';
export type { LoadsOptions } from './signing/loads.js';
export { saltedHmac } from './signing/salted-hmac.js';
export type { SecretKey } from './signing/salted-hmac.js';
export { SignatureExpired } from './signing/signature-expired.js';
export { Signer } from './signing/signer.js';
export type { SignerOptions, SignObjectOptions, UnsignObjectOptions } from './signing/signer.js';
export { TimestampSigner } from './signing/timestamp-signer.js';
export type { MaxAge, TimestampUnsignOptions } from './signing/timestamp-signer.js';

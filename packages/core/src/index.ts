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
export { shouldColor } from './colors.js';
export type { ColorEnv, ColorStream } from './colors.js';
export { ImproperlyConfigured } from './improperly-configured.js';
export type { ImproperlyConfiguredOptions } from './improperly-configured.js';
export { andThen, isThenable } from './maybe-promise.js';
export type { MaybePromise } from './maybe-promise.js';
export { brandClass, ReinsError } from './reins-error.js';

/**
 * @reins/core — the primitives every reins package shares, each once: brands, errors, safe
 * strings, maybe-promises and Python-compatible helpers. Zero runtime dependencies.
 *
 * @example
 * import { ReinsError, isThenable, markSafe } from '@reins/core';
 *
 * @module
 */
export {
  brandPrototype,
  CSRF_TOKEN,
  defineBrand,
  DONT_ENFORCE_CSRF_CHECKS,
  GOT_REQUEST_EXCEPTION,
  hasBrand,
  NO_REVERSE_MATCH_BRAND,
  RAW_CONTENT,
  RESOLVER_404_BRAND,
  SAFE_STRING,
  VARIABLE_DOES_NOT_EXIST_BRAND,
} from './brand.js';
export type { CheckMessage } from './check-message.js';
export { shouldColor } from './colors.js';
export type { ColorEnv, ColorStream } from './colors.js';
export { decodePath } from './decode-path.js';
export { escapeHtml } from './escape-html.js';
export { escapeLeadingSlashes } from './escape-leading-slashes.js';
export { httpDate, parseHttpDate, parseHttpDateSafe } from './http-date.js';
export { ImproperlyConfigured } from './improperly-configured.js';
export type { ImproperlyConfiguredOptions } from './improperly-configured.js';
export { isSameDomain } from './is-same-domain.js';
export { andThen, isThenable } from './maybe-promise.js';
export { NOT_SETTLED, settled, settledValue } from './settled.js';
export type { MaybePromise } from './maybe-promise.js';
export { LazyConnection } from './lazy-connection.js';
export type { ConnectableClient, LazyConnectionOptions } from './lazy-connection.js';
export { withTimeout } from './with-timeout.js';
export { quote, quotePlus, unquote, unquotePlus, unquoteToBytes } from './python-quote.js';
export type { UnquoteEncoding } from './python-quote.js';
export {
  isPlainObject,
  isPyInt,
  pyDatetimeStr,
  pyFloatRepr,
  pyNumberStr,
  pyRepr,
  pyStr,
  pyStringRepr,
} from './python-str.js';
export { brandClass, ReinsError } from './reins-error.js';
export { conditionalEscape, escape, isSafe, markSafe, SafeString } from './safe-string.js';
export { djangoUrlsplit, urlsplit, UrlSplitError } from './url-split.js';
export { wrapView } from './wrap-view.js';
export type { SplitUrl } from './url-split.js';

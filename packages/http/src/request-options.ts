/**
 * `RequestOptions`: the settings the adapters pass to every request they build, with Django's
 * defaults (the setting names are Django's, camel-cased).
 *
 * @module
 */
import { tmpdir } from 'node:os';
import type { SecretKey } from '@reins/core/signing';

/**
 * Settings for request parsing and validation; each defaults to Django's value.
 *
 * @example
 * requestFromNode(incoming, { allowedHosts: ['example.com'], dataUploadMaxMemorySize: 5 * 1024 * 1024 });
 */
export interface RequestOptions {
  /** Hosts `getHost()` accepts (Django's `ALLOWED_HOSTS`): `'example.com'`, `'.example.com'` (and subdomains), `'*'`. Default `[]`. */
  allowedHosts?: readonly string[];
  /** With `debug` and no `allowedHosts`, `localhost`, `127.0.0.1` and `[::1]` are allowed. Default `false`. */
  debug?: boolean;
  /** Largest body read into memory, in bytes, before `RequestDataTooBig` (413); `null` for no limit. Default 2,621,440. */
  dataUploadMaxMemorySize?: number | null;
  /** Most fields in a query string or form before `TooManyFieldsSent` (400); `null` for no limit. Default 1000. */
  dataUploadMaxNumberFields?: number | null;
  /** Most files in one multipart body before `TooManyFilesSent` (400); `null` for no limit. Default 100. */
  dataUploadMaxNumberFiles?: number | null;
  /** An uploaded file larger than this many bytes is spilled to a temporary file. Default 2,621,440. */
  fileUploadMaxMemorySize?: number;
  /** Where those temporary files go. Default `os.tmpdir()`. */
  fileUploadTempDir?: string;
  /** `[header, value]` meaning "this request came over HTTPS through a proxy", e.g. `['HTTP_X_FORWARDED_PROTO', 'https']`. Default `null`. */
  secureProxySslHeader?: readonly [string, string] | null;
  /** Trust `X-Forwarded-Host` for `getHost()`. Default `false`. */
  useXForwardedHost?: boolean;
  /** Trust `X-Forwarded-Port` for `getPort()`. Default `false`. */
  useXForwardedPort?: boolean;
  /** The key signed cookies are signed with (Django's `SECRET_KEY`). Default none: signing fails with `ImproperlyConfigured`. */
  secretKey?: SecretKey | null;
  /** Older keys signed cookies are still accepted with (Django 4.1's `SECRET_KEY_FALLBACKS`). Default `[]`. */
  secretKeyFallbacks?: readonly SecretKey[];
}

/** The options with every default filled in; computed once per options object. */
export interface ResolvedRequestOptions {
  readonly allowedHosts: readonly string[];
  readonly debug: boolean;
  readonly dataUploadMaxMemorySize: number | null;
  readonly dataUploadMaxNumberFields: number | null;
  readonly dataUploadMaxNumberFiles: number | null;
  readonly fileUploadMaxMemorySize: number;
  readonly fileUploadTempDir: string;
  /** The proxy header as a lower-case HTTP header name, and the value that means HTTPS. */
  readonly secureProxySslHeader: readonly [string, string] | null;
  readonly useXForwardedHost: boolean;
  readonly useXForwardedPort: boolean;
  readonly secretKey: SecretKey | null;
  readonly secretKeyFallbacks: readonly SecretKey[];
}

const cache = new WeakMap<RequestOptions, ResolvedRequestOptions>();
// Adapters pass the same options object for every request: remember the last one.
let lastOptions: RequestOptions | undefined;
let lastResolved: ResolvedRequestOptions | undefined;

function metaToHeaderName(name: string): string {
  const upper = name.toUpperCase();
  const bare = upper.startsWith('HTTP_') ? upper.slice(5) : upper;
  return bare.replaceAll('_', '-').toLowerCase();
}

/**
 * Fill in Django's defaults and validate the settings, once per options object.
 *
 * @example
 * resolveRequestOptions({ debug: true }).dataUploadMaxMemorySize; // 2621440
 */
export function resolveRequestOptions(options: RequestOptions = {}): ResolvedRequestOptions {
  if (options === lastOptions) return lastResolved!;
  let resolved = cache.get(options);
  if (resolved !== undefined) {
    lastOptions = options;
    lastResolved = resolved;
    return resolved;
  }
  const proxy = options.secureProxySslHeader ?? null;
  if (
    proxy !== null &&
    (!Array.isArray(proxy) ||
      proxy.length !== 2 ||
      typeof proxy[0] !== 'string' ||
      typeof proxy[1] !== 'string')
  ) {
    throw new TypeError(
      `The secureProxySslHeader option must be a [header, value] pair such as ['HTTP_X_FORWARDED_PROTO', 'https']; got ${JSON.stringify(proxy)}.`,
    );
  }
  resolved = {
    // A frozen copy: getHost() remembers the last host it allowed against this very list.
    allowedHosts: Object.freeze([...(options.allowedHosts ?? [])]),
    debug: options.debug ?? false,
    dataUploadMaxMemorySize:
      options.dataUploadMaxMemorySize === undefined ? 2_621_440 : options.dataUploadMaxMemorySize,
    dataUploadMaxNumberFields:
      options.dataUploadMaxNumberFields === undefined ? 1000 : options.dataUploadMaxNumberFields,
    dataUploadMaxNumberFiles:
      options.dataUploadMaxNumberFiles === undefined ? 100 : options.dataUploadMaxNumberFiles,
    fileUploadMaxMemorySize: options.fileUploadMaxMemorySize ?? 2_621_440,
    fileUploadTempDir: options.fileUploadTempDir ?? tmpdir(),
    secureProxySslHeader: proxy === null ? null : [metaToHeaderName(proxy[0]), proxy[1]],
    useXForwardedHost: options.useXForwardedHost ?? false,
    useXForwardedPort: options.useXForwardedPort ?? false,
    secretKey: options.secretKey ?? null,
    secretKeyFallbacks: Object.freeze([...(options.secretKeyFallbacks ?? [])]),
  };
  cache.set(options, resolved);
  lastOptions = options;
  lastResolved = resolved;
  return resolved;
}

/**
 * `RequestOptions`: the settings the adapters pass to every request they build, with Django's
 * defaults (the setting names are Django's, camel-cased).
 *
 * @module
 */
import { tmpdir } from 'node:os';
import type { SecretKey } from '@reins/core/signing';
import { TrustedProxies } from './trusted-proxies.js';

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
  /** Most parts in one multipart body — fields, files and nameless or empty parts alike — before `TooManyFieldsSent` (400); `null` for no limit. Default `dataUploadMaxNumberFields + dataUploadMaxNumberFiles + 100` (1200), `null` when either is `null`. */
  dataUploadMaxNumberParts?: number | null;
  /** An uploaded file larger than this many bytes is spilled to a temporary file. Default 2,621,440. */
  fileUploadMaxMemorySize?: number;
  /** Largest multipart body, files included, in bytes, before `RequestDataTooBig` (413); bounds the disk one request can fill. `null` for no limit. Default 104,857,600 (100 MiB). */
  fileUploadMaxTotalSize?: number | null;
  /** Largest single uploaded file, in bytes, before `RequestDataTooBig` (413); `null`: only `fileUploadMaxTotalSize` applies. Default `null`. */
  fileUploadMaxSize?: number | null;
  /** Where those temporary files go. Default `os.tmpdir()`. */
  fileUploadTempDir?: string;
  /** `[header, value]` meaning "this request came over HTTPS through a proxy", e.g. `['HTTP_X_FORWARDED_PROTO', 'https']`. Default `null`. */
  secureProxySslHeader?: readonly [string, string] | null;
  /** Trust `X-Forwarded-Host` for `getHost()`. Default `false`. */
  useXForwardedHost?: boolean;
  /** Trust `X-Forwarded-Port` for `getPort()`. Default `false`. */
  useXForwardedPort?: boolean;
  /**
   * The load balancers and proxies in front of the server (addresses or CIDR networks). When set,
   * the three proxy settings above count only for requests whose peer is on the list, and
   * `META.REMOTE_ADDR` is the client address from `X-Forwarded-For`. Default `null`: Django's
   * behaviour, the proxy settings trusted from any peer and `REMOTE_ADDR` the peer.
   */
  trustedProxies?: readonly string[] | null;
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
  readonly dataUploadMaxNumberParts: number | null;
  readonly fileUploadMaxMemorySize: number;
  readonly fileUploadMaxTotalSize: number | null;
  readonly fileUploadMaxSize: number | null;
  readonly fileUploadTempDir: string;
  /** The proxy header as a lower-case HTTP header name, and the value that means HTTPS. */
  readonly secureProxySslHeader: readonly [string, string] | null;
  readonly useXForwardedHost: boolean;
  readonly useXForwardedPort: boolean;
  readonly trustedProxies: TrustedProxies | null;
  readonly secretKey: SecretKey | null;
  readonly secretKeyFallbacks: readonly SecretKey[];
}

const cache = new WeakMap<RequestOptions, ResolvedRequestOptions>();
// Adapters pass the same options object for every request: remember the last one.
let lastOptions: RequestOptions | undefined;
let lastResolved: ResolvedRequestOptions | undefined;

const LIMITS = [
  'dataUploadMaxMemorySize',
  'dataUploadMaxNumberFields',
  'dataUploadMaxNumberFiles',
  'dataUploadMaxNumberParts',
  'fileUploadMaxTotalSize',
  'fileUploadMaxSize',
] as const;

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
  for (const key of LIMITS) {
    const value = options[key];
    if (value !== undefined && value !== null && !(Number.isInteger(value) && value >= 0)) {
      throw new TypeError(
        `The ${key} option must be a non-negative whole number of ${key.endsWith('Size') ? 'bytes' : 'items'}, or null for no limit; got ${JSON.stringify(value)}.`,
      );
    }
  }
  const maxFields =
    options.dataUploadMaxNumberFields === undefined ? 1000 : options.dataUploadMaxNumberFields;
  const maxFiles =
    options.dataUploadMaxNumberFiles === undefined ? 100 : options.dataUploadMaxNumberFiles;
  resolved = {
    // A frozen copy: getHost() remembers the last host it allowed against this very list.
    allowedHosts: Object.freeze([...(options.allowedHosts ?? [])]),
    debug: options.debug ?? false,
    dataUploadMaxMemorySize:
      options.dataUploadMaxMemorySize === undefined ? 2_621_440 : options.dataUploadMaxMemorySize,
    dataUploadMaxNumberFields: maxFields,
    dataUploadMaxNumberFiles: maxFiles,
    // Room for every field and file the other two limits allow, plus nameless parts a browser
    // never sends; without a cap, 400,000 empty parts (3.2 MB) cost 1.8 s of parsing.
    dataUploadMaxNumberParts:
      options.dataUploadMaxNumberParts !== undefined
        ? options.dataUploadMaxNumberParts
        : maxFields === null || maxFiles === null
          ? null
          : maxFields + maxFiles + 100,
    fileUploadMaxMemorySize: options.fileUploadMaxMemorySize ?? 2_621_440,
    fileUploadMaxTotalSize:
      options.fileUploadMaxTotalSize === undefined ? 104_857_600 : options.fileUploadMaxTotalSize,
    fileUploadMaxSize: options.fileUploadMaxSize ?? null,
    fileUploadTempDir: options.fileUploadTempDir ?? tmpdir(),
    secureProxySslHeader: proxy === null ? null : [metaToHeaderName(proxy[0]), proxy[1]],
    useXForwardedHost: options.useXForwardedHost ?? false,
    useXForwardedPort: options.useXForwardedPort ?? false,
    trustedProxies:
      options.trustedProxies === undefined || options.trustedProxies === null
        ? null
        : new TrustedProxies(options.trustedProxies),
    secretKey: options.secretKey ?? null,
    secretKeyFallbacks: Object.freeze([...(options.secretKeyFallbacks ?? [])]),
  };
  cache.set(options, resolved);
  lastOptions = options;
  lastResolved = resolved;
  return resolved;
}

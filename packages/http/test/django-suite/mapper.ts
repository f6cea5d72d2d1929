/**
 * Maps the calls Django's own http tests make (recorded by tooling/django-suites/record.py) onto
 * @reins/http. A Django API reins lacks throws `Unmapped`; the skip list says why it is absent.
 */
import {
  decode,
  PyCallable,
  PyDateTime,
  PyDict,
  PyFile,
  PyStream,
  Unmapped,
  Unrecordable,
  type Json,
  type Mapper,
  type Op,
} from '@reins/django-suites';
import { Buffer } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FileResponse,
  HttpHeaders,
  HttpRequest,
  HttpResponse,
  HttpResponseBase,
  HttpResponseNotAllowed,
  HttpResponseNotModified,
  HttpResponsePermanentRedirect,
  HttpResponseRedirect,
  JsonResponse,
  MultiValueDict,
  parseCookie,
  QueryDict,
  StreamingHttpResponse,
  urlHasAllowedHostAndScheme,
  type HttpResponseOptions,
  type RequestOptions,
  ResponseHeaders,
  type ResponseCookie,
} from '../../src/index.js';

/** Python's KeyError where reins answers `undefined` (`get()` instead of `d[k]`, a documented shape). */
class PyKeyError extends Error {
  override name = 'KeyError';
}

/** A method a response class lacks (Django's OSError "not writable" / "cannot tell its position"). */
class NotFileLike extends Error {
  override name = 'OSError';
}

/** A bare `HttpRequest()` whose attributes a test sets one by one; rebuilt as a reins request when used. */
class BareRequest {
  state: Record<string, Json> = {};
  settings: Record<string, Json> = {};
  #built: HttpRequest | undefined;
  #key = '';

  request(): HttpRequest {
    const key = JSON.stringify([this.state, this.settings]);
    if (this.#built === undefined || key !== this.#key) {
      const meta = (decode(this.state.META ?? null, new Map()) ?? {}) as Record<string, unknown>;
      const method = typeof this.state.method === 'string' ? this.state.method : undefined;
      const path = typeof this.state.path === 'string' ? this.state.path : '';
      const pathInfo = this.state.path_info;
      if (typeof pathInfo === 'string' && pathInfo !== path)
        throw new Unmapped('path_info unlike path (reins has no script prefix)');
      const bytes = Buffer.from(path, 'utf8').toString('latin1');
      this.#built = requestFromEnviron(
        { ...meta, REQUEST_METHOD: method, PATH_INFO: bytes },
        this.settings,
      );
      this.#key = key;
    }
    return this.#built;
  }
}

function text(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('latin1');
  if (typeof value === 'object' && value !== null)
    throw new Unmapped('an object where Django takes text');
  return String(value);
}

function requestOptions(settings: Record<string, Json>): RequestOptions {
  const s: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) s[key] = decode(value, new Map());
  const options: Record<string, unknown> = {
    allowedHosts: s.ALLOWED_HOSTS ?? [],
    debug: s.DEBUG ?? false,
    useXForwardedHost: s.USE_X_FORWARDED_HOST ?? false,
    useXForwardedPort: s.USE_X_FORWARDED_PORT ?? false,
    secureProxySslHeader: s.SECURE_PROXY_SSL_HEADER ?? null,
    dataUploadMaxNumberFields: s.DATA_UPLOAD_MAX_NUMBER_FIELDS ?? 1000,
    fileUploadMaxMemorySize: s.FILE_UPLOAD_MAX_MEMORY_SIZE ?? 2621440,
  };
  if ('DATA_UPLOAD_MAX_MEMORY_SIZE' in s)
    options.dataUploadMaxMemorySize = s.DATA_UPLOAD_MAX_MEMORY_SIZE;
  return options;
}

/** A WSGI environ (what Django's tests build requests from) as a reins request. */
function requestFromEnviron(
  environ: Record<string, unknown>,
  settings: Record<string, Json>,
): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [key, raw] of Object.entries(environ)) {
    const value = typeof raw === 'number' ? String(raw) : raw;
    if (typeof value !== 'string') continue;
    if (key.startsWith('HTTP_')) headers[key.slice(5).toLowerCase().replaceAll('_', '-')] = value;
    else if (key === 'CONTENT_TYPE' || key === 'CONTENT_LENGTH')
      headers[key.toLowerCase().replace('_', '-')] = value;
  }
  const input = environ['wsgi.input'];
  let body: Uint8Array | null = null;
  if (input instanceof PyStream) {
    const length = Number(environ.CONTENT_LENGTH ?? 0);
    body = input.bytes.subarray(0, Number.isFinite(length) ? length : 0);
  } else if (input !== undefined && input !== '') {
    throw new Unrecordable('wsgi.input is not data');
  }
  const query = typeof environ.QUERY_STRING === 'string' ? environ.QUERY_STRING : '';
  // PATH_INFO is what a WSGI server decoded, as Latin-1: re-encode its bytes as the request target.
  const pathInfo = typeof environ.PATH_INFO === 'string' ? targetOf(environ.PATH_INFO) : '/';
  const scriptName = typeof environ.SCRIPT_NAME === 'string' ? environ.SCRIPT_NAME : '';
  if (scriptName !== '') throw new Unmapped('SCRIPT_NAME (reins has no script prefix)');
  const scheme = environ['wsgi.url_scheme'];
  return new HttpRequest({
    method: typeof environ.REQUEST_METHOD === 'string' ? environ.REQUEST_METHOD : undefined,
    url: pathInfo + (query === '' ? '' : `?${query}`),
    headers,
    scheme: scheme === 'https' || scheme === 'http' ? scheme : undefined,
    connection: {
      localAddress: typeof environ.SERVER_NAME === 'string' ? environ.SERVER_NAME : undefined,
      localPort: environ.SERVER_PORT === undefined ? undefined : Number(environ.SERVER_PORT),
      remoteAddress: typeof environ.REMOTE_ADDR === 'string' ? environ.REMOTE_ADDR : undefined,
    },
    body,
    options: requestOptions(settings),
  });
}

let temporaryDirectory: string | undefined;

function writeTemporary(file: PyFile): string {
  temporaryDirectory ??= mkdtempSync(join(tmpdir(), 'reins-django-suite-'));
  const path = join(temporaryDirectory, file.name);
  writeFileSync(path, file.bytes);
  return path;
}

/** Removes the files FileResponse cases wrote. */
export function removeTemporaryFiles(): void {
  if (temporaryDirectory !== undefined)
    rmSync(temporaryDirectory, { recursive: true, force: true });
  temporaryDirectory = undefined;
}

/** A decoded path (a WSGI PATH_INFO, whose characters are bytes) as a request target. */
function targetOf(path: string): string {
  let out = '';
  for (const ch of path) {
    const code = ch.codePointAt(0)!;
    if (code > 0xff) throw new Unmapped('a path with characters beyond Latin-1 (not WSGI bytes)');
    out +=
      code > 0x7e || code < 0x21 || ch === '%' || ch === '?' || ch === '#'
        ? `%${code.toString(16).toUpperCase().padStart(2, '0')}`
        : ch;
  }
  return out;
}

function responseOptions(kwargs: Record<string, unknown>): HttpResponseOptions {
  const options: Record<string, unknown> = {};
  if (kwargs.content_type !== undefined && kwargs.content_type !== null)
    options.contentType = kwargs.content_type;
  if (kwargs.status !== undefined && kwargs.status !== null) options.status = kwargs.status;
  if (kwargs.reason !== undefined && kwargs.reason !== null) options.reason = kwargs.reason;
  if (kwargs.charset !== undefined && kwargs.charset !== null) options.charset = kwargs.charset;
  if (kwargs.headers !== undefined && kwargs.headers !== null) options.headers = kwargs.headers;
  for (const key of Object.keys(kwargs)) {
    if (!['content_type', 'status', 'reason', 'charset', 'headers', 'content'].includes(key)) {
      throw new Unmapped(`response argument ${key}`);
    }
  }
  return options;
}

function positional(
  args: unknown[],
  kwargs: Record<string, unknown>,
  names: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...kwargs };
  names.forEach((name, i) => {
    if (i < args.length) out[name] = args[i];
  });
  return out;
}

async function collect(iterable: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of iterable) chunks.push(chunk);
  return chunks;
}

function keyed<T>(value: T | undefined, key: unknown): T {
  if (value === undefined) throw new PyKeyError(String(key));
  return value;
}

const COOKIE_ATTRIBUTES: Record<string, string> = {
  expires: 'expires',
  'max-age': 'maxAge',
  path: 'path',
  domain: 'domain',
  secure: 'secure',
  httponly: 'httpOnly',
  samesite: 'sameSite',
};

/** Python's empty-string convention for unset Morsel attributes. */
function morselValue(cookie: ResponseCookie, attribute: string): unknown {
  const key = COOKIE_ATTRIBUTES[attribute];
  if (key === undefined) throw new PyKeyError(attribute);
  const value: unknown = (cookie as unknown as Record<string, unknown>)[key];
  if (value === null || value === false || value === undefined) return '';
  return value;
}

function setCookieOptions(kwargs: Record<string, unknown>): Record<string, unknown> {
  const names: Record<string, string> = {
    max_age: 'maxAge',
    expires: 'expires',
    path: 'path',
    domain: 'domain',
    secure: 'secure',
    httponly: 'httpOnly',
    samesite: 'sameSite',
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(kwargs)) {
    const name = names[key];
    if (name === undefined) throw new Unmapped(`setCookie option ${key}`);
    out[name] =
      value instanceof PyDateTime
        ? new Date(value.iso.endsWith('+00:00') ? value.iso : `${value.iso}Z`)
        : value;
  }
  return out;
}

function responseHeaderCall(headers: ResponseHeaders, name: string, args: unknown[]): unknown {
  const key = args[0] instanceof Uint8Array ? args[0] : String(args[0]);
  if (key instanceof Uint8Array) throw new Unmapped('a header name given as bytes');
  switch (name) {
    case '__getitem__':
      return keyed(headers.get(key), key);
    case '__setitem__':
      return void headers.set(
        key,
        args[1] instanceof Uint8Array ? text(args[1]) : (args[1] as string),
      );
    case '__delitem__':
      return void headers.delete(key);
    case '__contains__':
    case 'has_header':
      return headers.has(key);
    case 'get':
      return headers.get(key) ?? args[1] ?? null;
    case 'setdefault':
      return void headers.setDefault(key, args[1] as string);
    default:
      throw new Unmapped(`ResponseHeaders.${name}`);
  }
}

const RESPONSE_HEADER_METHODS = new Set([
  '__getitem__',
  '__setitem__',
  '__delitem__',
  '__contains__',
  'has_header',
  'get',
  'setdefault',
]);

function responseCall(
  response: HttpResponseBase,
  name: string,
  args: unknown[],
  kwargs: Record<string, unknown>,
): unknown {
  if (RESPONSE_HEADER_METHODS.has(name)) return responseHeaderCall(response.headers, name, args);
  const r = response as HttpResponse & StreamingHttpResponse;
  switch (name) {
    case '__repr__':
      return response.toString();
    case 'serialize_headers':
      return new Uint8Array(Buffer.from(response.headers.toString(), 'latin1'));
    case 'set_cookie': {
      const a = positional(args, kwargs, [
        'key',
        'value',
        'max_age',
        'expires',
        'path',
        'domain',
        'secure',
        'httponly',
        'samesite',
      ]);
      const { key, value, ...rest } = a;
      return void response.setCookie(
        String(key),
        value === undefined ? '' : text(value),
        setCookieOptions(rest),
      );
    }
    case 'delete_cookie': {
      const a = positional(args, kwargs, ['key', 'path', 'domain', 'samesite']);
      const { key, ...rest } = a;
      return void response.deleteCookie(String(key), setCookieOptions(rest));
    }
    // A response without these methods refuses them at compile time, as Django's raises OSError.
    case 'write':
      if (typeof r.write !== 'function')
        throw new NotFileLike(`${response.constructor.name} is not writable`);
      return void r.write(args[0] as string);
    case 'writelines':
      if (typeof r.writeLines !== 'function')
        throw new NotFileLike(`${response.constructor.name} is not writable`);
      return void r.writeLines(args[0] as Iterable<string>);
    case 'tell':
      if (typeof r.tell !== 'function')
        throw new NotFileLike(`${response.constructor.name} cannot tell`);
      return r.tell();
    case 'writable':
      return typeof r.write === 'function';
    case 'getvalue':
      return response instanceof StreamingHttpResponse ? response.getValue() : r.content;
    case 'close':
      return response.close();
    case '__iter__':
      if (response instanceof StreamingHttpResponse) return collect(response.streamingContent);
      throw new Unmapped('iterating an HttpResponse (use content)');
    default:
      throw new Unmapped(`${response.constructor.name}.${name}`);
  }
}

const RESPONSE_ATTRIBUTES: Record<string, string> = {
  status_code: 'statusCode',
  reason_phrase: 'reasonPhrase',
  charset: 'charset',
  content: 'content',
  closed: 'closed',
  headers: 'headers',
  cookies: 'cookies',
  url: 'url',
  streaming: 'streaming',
};

const REQUEST_ATTRIBUTES: Record<string, string> = {
  GET: 'GET',
  POST: 'POST',
  COOKIES: 'COOKIES',
  META: 'META',
  FILES: 'FILES',
  headers: 'headers',
  body: 'body',
  path: 'path',
  path_info: 'pathInfo',
  method: 'method',
  content_type: 'contentType',
  content_params: 'contentParams',
  encoding: 'encoding',
  scheme: 'scheme',
};

function requestOf(target: unknown): HttpRequest {
  if (target instanceof BareRequest) return target.request();
  return target as HttpRequest;
}

function queryDictCall(q: MultiValueDict<unknown>, name: string, args: unknown[]): unknown {
  const [a, b] = args;
  switch (name) {
    case '__getitem__': {
      const list = q.getList(String(a), undefined);
      if (!q.has(String(a))) throw new PyKeyError(String(a));
      return list.length === 0 ? [] : list[list.length - 1];
    }
    case '__setitem__':
      return void q.set(String(a), b);
    case '__delitem__':
      if (!q.delete(String(a))) throw new PyKeyError(String(a));
      return undefined;
    case '__contains__':
      return q.has(String(a));
    case '__iter__':
    case 'keys':
      return [...q.keys()];
    case '__len__':
      return q.size;
    case '__eq__': {
      if (a instanceof MultiValueDict) return q.equals(a);
      // Python compares a MultiValueDict with a dict as the dict of lists underneath.
      const other = a as Record<string, unknown>;
      const keys = Object.keys(other);
      return (
        keys.length === q.size &&
        keys.every((k) => q.has(k) && JSON.stringify(q.getList(k)) === JSON.stringify(other[k]))
      );
    }
    case 'get':
      return args.length > 1 ? q.get(String(a), b) : (q.get(String(a)) ?? null);
    case 'getlist':
      return args.length > 1 ? q.getList(String(a), b as unknown[]) : q.getList(String(a));
    case 'setlist':
      return void q.setList(String(a), a === undefined ? [] : (b as unknown[]));
    case 'appendlist':
      return void q.appendList(String(a), b);
    case 'setdefault':
      return q.setDefault(String(a), b === undefined ? null : b);
    case 'setlistdefault':
      return q.setListDefault(String(a), b as unknown[]);
    case 'update':
      if (a instanceof PyDict) throw new Unmapped('update() with non-string keys');
      return void q.update(a as Record<string, unknown>);
    case 'pop': {
      const popped = q.pop(String(a), b as unknown[] | undefined);
      if (popped === undefined) throw new PyKeyError(String(a));
      return popped;
    }
    case 'popitem': {
      const item = q.popItem();
      if (item === undefined) throw new PyKeyError('popitem(): dictionary is empty');
      return item;
    }
    case 'clear':
      return void q.clear();
    case 'items':
      return [...q.keys()].map((k) => [k, q.get(k)]);
    case 'lists':
      return [...q.keys()].map((k) => [k, q.getList(k)]);
    case 'values':
      return [...q.keys()].map((k) => q.get(k));
    case 'copy':
      return q.copy();
    case 'dict':
      return q.dict();
    case 'urlencode':
      if (q instanceof QueryDict) return a === undefined ? q.urlencode() : q.urlencode(text(a));
      throw new Unmapped('MultiValueDict.urlencode');
    default:
      throw new Unmapped(`QueryDict.${name}`);
  }
}

const ERROR_NAMES: Record<string, readonly string[]> = {
  // Python's immutability error on a QueryDict is an AttributeError; reins throws TypeError.
  AttributeError: ['TypeError'],
  KeyError: ['KeyError'],
  MultiValueDictKeyError: ['KeyError'],
  // README: status validation throws TypeError/RangeError where Python raises ValueError.
  ValueError: ['TypeError', 'RangeError', 'ValueError'],
  TypeError: ['TypeError'],
  UnicodeError: ['BadHeaderError'],
  UnicodeEncodeError: ['BadHeaderError'],
  BadHeaderError: ['BadHeaderError'],
  DisallowedHost: ['DisallowedHost'],
  DisallowedRedirect: ['DisallowedRedirect'],
  RawPostDataException: ['RawPostDataException'],
  RequestDataTooBig: ['RequestDataTooBig'],
  TooManyFieldsSent: ['TooManyFieldsSent'],
  TooManyFilesSent: ['TooManyFilesSent'],
  MultiPartParserError: ['MultiPartParserError'],
  UnreadablePostError: ['UnreadablePostError'],
};

/** The @reins/http mapper. */
export const httpMapper: Mapper = {
  construct(type, args, kwargs) {
    switch (type) {
      case 'QueryDict': {
        const a = positional(args, kwargs, ['query_string', 'mutable', 'encoding']);
        const options: Record<string, unknown> = { mutable: a.mutable === true };
        if (a.encoding !== undefined && a.encoding !== null) options.encoding = a.encoding;
        return new QueryDict((a.query_string ?? null) as string | Uint8Array | null, options);
      }
      case 'MultiValueDict':
        return new MultiValueDict((args[0] ?? {}) as Record<string, unknown[]>);
      case 'HttpRequest':
        return new BareRequest();
      case 'WSGIRequest': {
        const environ = (args[0] ?? {}) as Record<string, unknown>;
        return requestFromEnviron(environ, currentSettings);
      }
      case 'HttpHeaders': {
        const meta = (args[0] ?? {}) as Record<string, unknown>;
        const raw: Record<string, string> = {};
        for (const [key, value] of Object.entries(meta)) {
          if (typeof value !== 'string') continue;
          if (key.startsWith('HTTP_')) raw[key.slice(5).toLowerCase().replaceAll('_', '-')] = value;
          else if (key === 'CONTENT_TYPE' || key === 'CONTENT_LENGTH')
            raw[key.toLowerCase().replace('_', '-')] = value;
        }
        return new HttpHeaders(raw);
      }
      case 'HttpResponse':
      case 'HttpResponseBase': {
        const a = positional(args, kwargs, [
          'content',
          'content_type',
          'status',
          'reason',
          'charset',
          'headers',
        ]);
        if (type === 'HttpResponseBase') {
          if (a.content !== undefined) throw new Unmapped('HttpResponseBase(content)');
          // Abstract in TypeScript only; Django's tests construct the base class itself.
          const Base = HttpResponseBase as unknown as new (
            options: HttpResponseOptions,
          ) => HttpResponseBase;
          return new Base(responseOptions(a));
        }
        const content = a.content === undefined ? '' : a.content;
        return new HttpResponse(content as string, responseOptions(a));
      }
      case 'HttpResponseRedirect':
      case 'HttpResponsePermanentRedirect': {
        const { redirect_to: to, ...rest } = positional(args, kwargs, ['redirect_to']);
        const Class =
          type === 'HttpResponseRedirect' ? HttpResponseRedirect : HttpResponsePermanentRedirect;
        return new Class(String(to), responseOptions(rest));
      }
      case 'HttpResponseNotAllowed': {
        const { permitted_methods: methods, ...rest } = positional(args, kwargs, [
          'permitted_methods',
        ]);
        return new HttpResponseNotAllowed(
          [...(methods as Iterable<string>)],
          undefined,
          responseOptions(rest),
        );
      }
      case 'HttpResponseNotModified':
        return new HttpResponseNotModified(responseOptions(positional(args, kwargs, [])));
      case 'JsonResponse': {
        const {
          data,
          safe,
          encoder,
          json_dumps_params: params,
          ...rest
        } = positional(args, kwargs, ['data', 'encoder', 'safe', 'json_dumps_params']);
        if (encoder !== undefined || params !== undefined)
          throw new Unmapped('JsonResponse encoder/json_dumps_params');
        return new JsonResponse(data, {
          ...(safe === undefined ? {} : { safe: safe as boolean }),
          ...responseOptions(rest),
        });
      }
      case 'StreamingHttpResponse': {
        const { streaming_content: content, ...rest } = positional(args, kwargs, [
          'streaming_content',
        ]);
        return new StreamingHttpResponse(
          (content ?? []) as Iterable<string>,
          responseOptions(rest),
        );
      }
      case 'FileResponse': {
        const {
          file,
          as_attachment: asAttachment,
          filename,
          ...rest
        } = positional(args, kwargs, ['file']);
        // A file the test opened is written to a temporary directory under its own name, so that
        // reins guesses its type from the name as Django does.
        const source =
          file instanceof PyStream
            ? file.bytes
            : file instanceof PyFile
              ? writeTemporary(file)
              : file;
        const options: Record<string, unknown> = { ...responseOptions(rest) };
        if (asAttachment !== undefined) options.asAttachment = asAttachment;
        if (filename !== undefined) options.filename = filename;
        return new FileResponse(source as Uint8Array, options);
      }
      default:
        throw new Unmapped(`new ${type}`);
    }
  },

  call(target, type, name, args, kwargs) {
    if (target instanceof MultiValueDict) {
      const safe = kwargs.safe;
      return queryDictCall(target, name, safe === undefined ? args : [safe]);
    }
    if (target instanceof ResponseHeaders) return responseHeaderCall(target, name, args);
    if (target instanceof HttpResponseBase) return responseCall(target, name, args, kwargs);
    if (
      target instanceof HttpHeaders ||
      target instanceof BareRequest ||
      target instanceof HttpRequest
    ) {
      if (target instanceof HttpHeaders) {
        switch (name) {
          case '__getitem__':
            return keyed(target.get(String(args[0])), args[0]);
          case '__len__':
            return [...target.keys()].length;
          case '__iter__':
            return [...target.keys()];
          case '__eq__': {
            // Django's HttpHeaders is a case-insensitive mapping; equal to a dict of the same items.
            const other = Object.entries(args[0] as Record<string, string>);
            return (
              other.length === [...target.keys()].length &&
              other.every(([k, v]) => target.get(k) === v)
            );
          }
          default:
            throw new Unmapped(`HttpHeaders.${name}`);
        }
      }
      const request = requestOf(target);
      switch (name) {
        case 'get_host':
          return request.getHost();
        case 'get_port':
          return request.getPort();
        case 'get_full_path':
          return request.getFullPath((args[0] ?? kwargs.force_append_slash) === true);
        case 'get_full_path_info':
          return request.getFullPathInfo((args[0] ?? kwargs.force_append_slash) === true);
        case 'build_absolute_uri': {
          const location = args[0] ?? kwargs.location;
          return location === undefined || location === null
            ? request.buildAbsoluteUri()
            : request.buildAbsoluteUri(text(location));
        }
        case 'accepts':
          return request.accepts(String(args[0]));
        case '__repr__':
          return request.toString();
        case 'is_secure':
          return request.isSecure();
        default:
          throw new Unmapped(`${type}.${name}`);
      }
    }
    if (target instanceof Map) {
      // response.cookies: Django's SimpleCookie.
      if (name === '__getitem__')
        return keyed((target as Map<string, ResponseCookie>).get(String(args[0])), args[0]);
      if (name === '__contains__') return target.has(String(args[0]));
      if (name === '__len__') return target.size;
      throw new Unmapped(`SimpleCookie.${name}`);
    }
    if (isCookie(target)) {
      if (name === '__getitem__') return morselValue(target, String(args[0]));
      if (name === 'output' || name === '__str__') return `Set-Cookie: ${target.toString()}`;
      throw new Unmapped(`Morsel.${name}`);
    }
    throw new Unmapped(`${type}.${name}`);
  },

  get(target, type, name) {
    if (target instanceof HttpResponseBase) {
      const key = RESPONSE_ATTRIBUTES[name];
      if (name === 'streaming_content' && target instanceof StreamingHttpResponse) {
        return collect(target.streamingContent);
      }
      if (key === undefined) throw new Unmapped(`${type}.${name}`);
      if (key === 'streaming') return target instanceof StreamingHttpResponse;
      return (target as unknown as Record<string, unknown>)[key];
    }
    if (target instanceof BareRequest && ['method', 'path', 'path_info', 'META'].includes(name)) {
      throw new Unrecordable('reads back what the test set on a bare HttpRequest');
    }
    if (target instanceof BareRequest || target instanceof HttpRequest) {
      const key = REQUEST_ATTRIBUTES[name];
      if (key === undefined) throw new Unmapped(`${type}.${name}`);
      const request = requestOf(target);
      const read = (): unknown => (request as unknown as Record<string, unknown>)[key];
      // Django reads the body on first access; reins on an explicit, asynchronous loadBody() (README).
      if (['POST', 'FILES', 'body'].includes(name) && !request.bodyLoaded) {
        return request.loadBody().then(read);
      }
      return read();
    }
    if (target instanceof QueryDict && name === 'encoding') return target.encoding;
    if (isCookie(target)) {
      if (name === 'value' || name === 'coded_value') return target.value;
      if (name === 'key') return target.name;
    }
    throw new Unmapped(`${type}.${name}`);
  },

  set(target, type, name, value) {
    if (value instanceof PyCallable) {
      throw new Unmapped(`replacing ${type}.${name} with a Python function`, 'monkeypatch');
    }
    if (target instanceof BareRequest) return undefined; // carried by the next op's state
    if (target instanceof HttpResponseBase) {
      const key = RESPONSE_ATTRIBUTES[name];
      if (
        key === undefined ||
        !['statusCode', 'reasonPhrase', 'charset', 'content'].includes(key)
      ) {
        if (name === 'streaming_content' && target instanceof StreamingHttpResponse) {
          target.streamingContent = value as Iterable<string>;
          return undefined;
        }
        throw new Unmapped(`setting ${type}.${name}`);
      }
      (target as unknown as Record<string, unknown>)[key] = value;
      return undefined;
    }
    if (target instanceof HttpRequest && name === 'encoding') {
      (target as unknown as { encoding: unknown }).encoding = value;
      return undefined;
    }
    throw new Unmapped(`setting ${type}.${name}`);
  },

  fn(name, args, kwargs) {
    switch (name) {
      case 'django.http.cookie.parse_cookie':
        return parseCookie(String(args[0]));
      case 'django.utils.http.url_has_allowed_host_and_scheme':
      case 'django.utils.http.is_safe_url': {
        const a = positional(args, kwargs, ['url', 'allowed_hosts', 'require_https']);
        const hosts = a.allowed_hosts;
        const allowedHosts =
          hosts === null || hosts === undefined
            ? []
            : typeof hosts === 'string'
              ? [hosts]
              : [...(hosts as Iterable<string>)];
        return urlHasAllowedHostAndScheme(a.url as string, {
          allowedHosts,
          requireHttps: a.require_https === true,
        });
      }
      default:
        throw new Unmapped(
          name.replace('django.utils.http.', '').replace('django.http.request.', ''),
        );
    }
  },

  errorMatches(pythonType, error) {
    const names = ERROR_NAMES[pythonType] ?? [pythonType];
    return error instanceof Error && names.includes(error.name);
  },

  beforeOp(op, target) {
    if (op.settings !== undefined) currentSettings = op.settings;
    if (target instanceof BareRequest) {
      target.settings = currentSettings;
      if (op.state !== undefined) target.state = op.state;
    }
  },

  normalize(value, expected: Json, op: Op) {
    // META: compare the variables Django's request had (reins adds the CGI ones a server sets).
    if (
      op.name === 'META' &&
      typeof expected === 'object' &&
      expected !== null &&
      '$dict' in expected &&
      value !== null &&
      typeof value === 'object'
    ) {
      const meta = value as Record<string, unknown>;
      const keys = (expected.$dict as [string, Json][]).map(([k]) => k);
      return Object.fromEntries(keys.map((k) => [k, meta[k]]));
    }
    return value;
  },

  mutates(_type, name) {
    return [
      'setlist',
      'appendlist',
      'setdefault',
      'update',
      'pop',
      'popitem',
      'clear',
      'write',
      'writelines',
      'set_cookie',
      'delete_cookie',
      'setlistdefault',
    ].includes(name);
  },
};

function isCookie(value: unknown): value is ResponseCookie {
  return typeof value === 'object' && value !== null && 'maxAge' in value && 'httpOnly' in value;
}

/** Settings recorded with the latest request op of the test being replayed. */
let currentSettings: Record<string, Json> = {};

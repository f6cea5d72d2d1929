/**
 * fast-check arbitraries for hostile requests to the demo: paths (percent-escapes, control
 * characters, long segments up to Node's header limit, shapes aimed at the converters), methods,
 * Host headers, and bodies (multipart with many, large or empty parts; urlencoded with many fields).
 */
import fc from 'fast-check';
import { emptyParts, manyFields, multipart } from './bodies.js';
import { httpRequest } from './raw-http.js';

/** One generated request: its bytes, and a short description for reports. */
export interface CorpusRequest {
  bytes: Buffer;
  summary: string;
}

const hex = (byte: number) => `%${byte.toString(16).padStart(2, '0')}`;

const segment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/) },
  // Any byte percent-escaped: CR, LF, NUL, ESC, invalid UTF-8 lead bytes…
  fc
    .array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 })
    .map((bytes) => bytes.map(hex).join('')),
  // Malformed escapes.
  fc.constantFrom('%', '%Z', '%ZZ', '%g1', '%%', '%0', '%c0%af', '%ed%a0%80', '%f4%90%80%80'),
  // Shapes aimed at the converters and the static view.
  fc.constantFrom('..', '.', '', '-', '9'.repeat(400), '-0', '1e400', '0x10', 'NaN', 'style.css'),
  // Long segments, up to Node's 16 KB header limit (and past it: a 431 from Node).
  fc
    .tuple(
      fc.constantFrom('a', '9', '-', '%41', '/', '%2f', '-/'),
      fc.integer({ min: 1, max: 9_000 }),
    )
    .map(([unit, count]) => unit.repeat(count)),
);

const prefix = fc.constantFrom(
  '/',
  '/greetings/',
  '/greetings/profile/',
  '/greetings/search/',
  '/static/',
  '/article/',
  '/api/articles/',
  '/logo.png/',
  '//',
);

const query = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(fc.constantFrom('q', 'page', 'x', ''), segment), { maxLength: 6 })
    .map((pairs) => `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}`),
  fc.integer({ min: 1, max: 3_000 }).map((count) => `?${'a=1&'.repeat(count)}`),
);

// Raw bytes in the request target (one path in seven): Node refuses controls, lets others through.
const rawBytes = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('\x01', '\x7f', '\x1b[2J', ' x', '\t', '\x9b', '\xff') },
);

const path = fc
  .tuple(prefix, fc.array(segment, { maxLength: 5 }), rawBytes, fc.boolean(), query)
  .map(
    ([start, segments, raw, slash, search]) =>
      `${start}${segments.join('/')}${raw}${slash ? '/' : ''}${search}`,
  );

const host: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('127.0.0.1', 'localhost', '127.0.0.1:8000', '[::1]') },
  fc.constantFrom(
    null,
    '',
    'evil.com',
    'evil.com:80:80',
    '127.0.0.1@evil.com',
    'localhost.',
    '[::1',
    'evil\x9b2J.com',
    '127.0.0.1\x85',
    'xn--',
    'a'.repeat(4_000),
  ),
);

const method = fc.constantFrom(
  'GET',
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'PATCH',
  'TRACE',
  'PURGE',
  'get',
);

/** Requests with no body: every path, method and Host shape. */
export const bodilessRequest: fc.Arbitrary<CorpusRequest> = fc
  .tuple(method, path, host)
  .map(([verb, target, hostValue]) => ({
    bytes: httpRequest(target, { method: verb, host: hostValue }),
    summary: `${verb} ${abbreviate(target)} Host=${abbreviate(String(hostValue))}`,
  }));

interface Body {
  header: string | null;
  body: Buffer;
  summary: string;
}

const body: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0, max: 100_000 }).map((count) => ({
      ...manyFields(count),
      summary: `${count} urlencoded fields`,
    })),
  },
  // 80,000 to 120,000 parts (≤ 1.1 MB): issue #19's 400,000 scaled to keep the run short.
  {
    weight: 1,
    arbitrary: fc.integer({ min: 80_000, max: 120_000 }).map((count) => ({
      ...emptyParts(count),
      summary: `${count} empty parts`,
    })),
  },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.record({
          size: fc.oneof(fc.integer({ min: 0, max: 1_024 }), fc.integer({ min: 0, max: 4 << 20 })),
          file: fc.boolean(),
          name: fc.constantFrom('f', '', 'a"b', 'x'.repeat(500), '\u00e9'),
        }),
        { minLength: 1, maxLength: 3 },
      )
      .map((parts) => ({
        ...multipart(
          parts.map(({ size, file, name }, i) => ({
            name,
            ...(file ? { filename: `f${i}.bin` } : {}),
            content: Buffer.alloc(size, 0x61),
          })),
        ),
        summary: `multipart ${parts.map(({ size, file }) => `${file ? 'file' : 'field'}:${size}`).join(',')}`,
      })),
  },
  fc.constantFrom<Body>(
    {
      header: 'Content-Type: multipart/form-data; boundary=x',
      body: Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end'),
      summary: 'multipart without a closing boundary',
    },
    {
      header: 'Content-Type: multipart/form-data',
      body: Buffer.from('--x\r\n\r\n'),
      summary: 'multipart without a boundary',
    },
    {
      header: 'Content-Type: application/json',
      body: Buffer.from('['.repeat(100_000)),
      summary: '100,000 open brackets as JSON',
    },
    { header: null, body: Buffer.alloc(1 << 20, 0), summary: '1 MB of NULs, no Content-Type' },
  ),
);

/** Requests with a body, to the demo's views (none of which reads it). */
export const bodyRequest: fc.Arbitrary<CorpusRequest> = fc
  .tuple(
    fc.constantFrom('POST', 'PUT', 'PATCH'),
    fc.constantFrom('/greetings/', '/greetings/search/', '/', '/api/articles/', '/nothing/'),
    body,
  )
  .map(([verb, target, { header, body: content, summary }]) => ({
    bytes: httpRequest(target, {
      method: verb,
      headers: header === null ? [] : [header],
      body: content,
    }),
    summary: `${verb} ${target} ${summary} (${content.length} bytes)`,
  }));

function abbreviate(text: string): string {
  const shown = JSON.stringify(text);
  return shown.length <= 80 ? shown : `${shown.slice(0, 60)}…(${text.length} chars)`;
}

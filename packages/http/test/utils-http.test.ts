/**
 * The django.utils.http and django.http.request helpers @reins/http exports, replayed against
 * what Django answered (test/fixtures/utils-http.json, recorded by
 * test/fixtures/record-utils-http.py), with round-trip properties.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base36ToInt,
  HttpRequest,
  intToBase36,
  MediaType,
  MultiValueDict,
  parseQsl,
  QueryDict,
  urlencode,
  urlsafeBase64Decode,
  urlsafeBase64Encode,
  type ParseQslOptions,
} from '../src/index.js';

interface Outcome<T> {
  output?: T;
  error?: string;
  message?: string;
}
type Tagged = string | number | boolean | null | Tagged[] | { tuple: Tagged[] };
interface Fixture {
  generated_by: string;
  urlencode: ({
    query: [string, Tagged][] | { multi: Record<string, string[]> };
    doseq: boolean;
  } & Outcome<string>)[];
  base36_to_int: ({ input: string } & Outcome<number>)[];
  int_to_base36: ({ input: number } & Outcome<string>)[];
  urlsafe_base64_encode: { input: string; output: string }[];
  urlsafe_base64_decode: ({ input: string } & Outcome<string>)[];
  parse_qsl: ({ query: string; options: Record<string, unknown> } & Outcome<[string, string][]>)[];
  media_type: ({
    input: string;
  } & Outcome<{
    main_type: string;
    sub_type: string;
    str: string;
    params: Record<string, string>;
    is_all_types: boolean;
  }>)[];
  media_type_match: ({ range: string; type: string } & Outcome<boolean>)[];
  accepted_types: { accept: string | null; types: string[]; accepts: Record<string, boolean> }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/utils-http.json', import.meta.url), 'utf8'),
) as Fixture;

// A Python tuple is iterable like a list; JavaScript has arrays for both.
function untag(value: Tagged): unknown {
  if (Array.isArray(value)) return value.map(untag);
  if (typeof value === 'object' && value !== null) return value.tuple.map(untag);
  return value;
}

function expectRangeError(fn: () => unknown, c: Outcome<unknown>): void {
  expect(c.error).toBe('ValueError');
  expect(fn).toThrow(new RangeError(c.message));
}

describe(`django.utils.http, replayed against ${fixture.generated_by}`, () => {
  it.each(
    fixture.urlencode.map((c) => [`${JSON.stringify(c.query)} doseq=${c.doseq}`, c] as const),
  )('urlencode(%s)', (_name, c) => {
    const query =
      'multi' in c.query
        ? new MultiValueDict(Object.entries(c.query.multi))
        : c.query.map(([key, value]) => [key, untag(value)] as const);
    if (c.error === undefined) {
      expect(urlencode(query, c.doseq)).toBe(c.output);
    } else {
      expect(() => urlencode(query, c.doseq)).toThrow(new TypeError(c.message));
    }
  });

  it.each(fixture.base36_to_int.map((c) => [JSON.stringify(c.input), c] as const))(
    'base36ToInt(%s)',
    (_name, c) => {
      if (c.error !== undefined) expectRangeError(() => base36ToInt(c.input), c);
      else if (c.output! > Number.MAX_SAFE_INTEGER)
        expect(() => base36ToInt(c.input)).toThrow(/MAX_SAFE_INTEGER/);
      else expect(base36ToInt(c.input)).toBe(c.output);
    },
  );

  it.each(fixture.int_to_base36.map((c) => [c.input, c] as const))(
    'intToBase36(%s)',
    (_name, c) => {
      if (c.error !== undefined) expectRangeError(() => intToBase36(c.input), c);
      else expect(intToBase36(c.input)).toBe(c.output);
    },
  );

  it.each(fixture.urlsafe_base64_encode.map((c) => [c.input, c] as const))(
    'urlsafeBase64Encode(%s)',
    (_name, c) => {
      expect(urlsafeBase64Encode(Buffer.from(c.input, 'base64'))).toBe(c.output);
    },
  );

  it.each(fixture.urlsafe_base64_decode.map((c) => [JSON.stringify(c.input), c] as const))(
    'urlsafeBase64Decode(%s)',
    (_name, c) => {
      if (c.error !== undefined) expectRangeError(() => urlsafeBase64Decode(c.input), c);
      else expect(Buffer.from(urlsafeBase64Decode(c.input)).toString('base64')).toBe(c.output);
    },
  );

  it.each(fixture.parse_qsl.map((c) => [`${c.query} ${JSON.stringify(c.options)}`, c] as const))(
    'parseQsl(%s)',
    (_name, c) => {
      const o = c.options;
      const options: ParseQslOptions = {
        keepBlankValues: o['keep_blank_values'] as boolean | undefined,
        strictParsing: o['strict_parsing'] as boolean | undefined,
        encoding: o['encoding'] as string | undefined,
        maxNumFields: o['max_num_fields'] as number | undefined,
        separator: o['separator'] as string | undefined,
      };
      if (c.error !== undefined) expectRangeError(() => parseQsl(c.query, options), c);
      else expect(parseQsl(c.query, options)).toEqual(c.output);
    },
  );

  it.each(fixture.media_type.map((c) => [JSON.stringify(c.input), c] as const))(
    'new MediaType(%s)',
    (_name, c) => {
      const type = new MediaType(c.input);
      const expected = c.output!;
      expect({
        main_type: type.mainType,
        sub_type: type.subType,
        str: String(type),
        params: { ...type.params },
        is_all_types: type.isAllTypes,
      }).toEqual({
        main_type: expected.main_type,
        sub_type: expected.sub_type,
        str: expected.str,
        params: expected.params,
        is_all_types: expected.is_all_types,
      });
    },
  );

  it.each(fixture.media_type_match.map((c) => [`${c.range} ∋ ${c.type}`, c] as const))(
    'MediaType.match(%s)',
    (_name, c) => {
      expect(new MediaType(c.range).match(c.type)).toBe(c.output);
    },
  );

  it.each(fixture.accepted_types.map((c) => [JSON.stringify(c.accept), c] as const))(
    'request.acceptedTypes and accepts() for Accept: %s',
    (_name, c) => {
      const request = new HttpRequest({ headers: c.accept === null ? {} : { accept: c.accept } });
      expect(request.acceptedTypes.map(String)).toEqual(c.types);
      for (const [type, accepted] of Object.entries(c.accepts)) {
        // A documented difference: a range with q=0 is "not acceptable", as in Django 5.
        const refusedByQ0 = request.acceptedTypes.every(
          (range) => !range.match(type) || Number(range.params['q']) === 0,
        );
        expect(request.accepts(type)).toBe(accepted && !refusedByQ0);
      }
    },
  );
});

describe('django.utils.http round trips', () => {
  it('intToBase36 and base36ToInt invert each other on safe integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(base36ToInt(intToBase36(n))).toBe(n);
      }),
    );
  });

  it('urlsafeBase64Decode inverts urlsafeBase64Encode, which never pads or uses + and /', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = urlsafeBase64Encode(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(urlsafeBase64Decode(text)).toEqual(bytes);
      }),
    );
  });

  it('parseQsl reads back what urlencode writes, and agrees with QueryDict', () => {
    // Full-Unicode strings: no lone surrogates, which Python cannot encode either.
    const text = fc.string({ unit: 'grapheme', minLength: 1 });
    const pairs = fc.array(fc.tuple(text, text));
    fc.assert(
      fc.property(pairs, (list) => {
        const wellFormed = list;
        const query = urlencode(wellFormed);
        expect(parseQsl(query)).toEqual(wellFormed);
        const dict = new QueryDict(query);
        for (const [key] of wellFormed) {
          expect(dict.getList(key)).toEqual(
            wellFormed.filter(([k]) => k === key).map(([, v]) => v),
          );
        }
      }),
    );
  });

  it.each(['latin-1', 'iso-8859-15', 'iso-8859-16', 'koi8-r', 'cp1251'])(
    'a QueryDict in %s reads back its own urlencode()',
    (encoding) => {
      // Text the charset can hold: any bytes, decoded by QueryDict itself from percent-escapes.
      const bytesText = fc
        .uint8Array({ minLength: 1, maxLength: 12 })
        .map((bytes) => [...bytes].map((b) => '%' + b.toString(16).padStart(2, '0')).join(''));
      fc.assert(
        fc.property(fc.array(fc.tuple(bytesText, bytesText), { maxLength: 5 }), (pairs) => {
          const query = pairs.map(([k, v]) => `${k}=${v}`).join('&');
          const dict = new QueryDict(query, { encoding });
          // A byte the charset leaves undefined reads as U+FFFD, which it cannot write back
          // (Python's UnicodeEncodeError too).
          fc.pre(![...dict.lists()].flat(2).some((text) => text.includes('\uFFFD')));
          const again = new QueryDict(dict.urlencode(), { encoding });
          expect([...again.lists()]).toEqual([...dict.lists()]);
        }),
      );
    },
  );

  it('MediaType keeps what it prints', () => {
    const token = fc.stringMatching(/^[a-z0-9+.-]{1,8}$/);
    fc.assert(
      fc.property(token, token, fc.option(token), (main, sub, q) => {
        const text = `${main}/${sub}${q === null ? '' : `; q=${q}`}`;
        expect(String(new MediaType(String(new MediaType(text))))).toBe(text);
      }),
    );
  });
});

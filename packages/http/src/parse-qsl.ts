/**
 * Django's `django.utils.http.parse_qsl()` (3.2's backport of Python 3.8.8's): a query string as
 * a list of `[key, value]` pairs, with a field limit.
 *
 * @module
 */
import { isUtf8Label, requireCharset } from './internal/charset.js';
import { parseQsl as parseInto } from './internal/parse-qsl.js';

/** Options of {@link parseQsl}, Django's keyword arguments in camelCase. */
export interface ParseQslOptions {
  /** Keep `a=` and `a` as `['a', '']` (default `false`: dropped). */
  keepBlankValues?: boolean;
  /** Throw for a pair without `=` or an empty pair (default `false`: skipped). */
  strictParsing?: boolean;
  /** The charset of percent-escapes (Python's codecs; default `'utf-8'`); bad bytes → U+FFFD. */
  encoding?: string;
  /** Refuse more than this many fields (counted as separators + 1) before parsing. */
  maxNumFields?: number | null;
  /** The separator between pairs (default `'&'`; `;` is not one). */
  separator?: string;
}

/**
 * The pairs of a query string, in order, percent- and `+`-decoded, as Django's `parse_qsl()`.
 *
 * @throws {RangeError} for more fields than `maxNumFields` (`Max number of fields exceeded`), a bad
 * pair with `strictParsing`, or an empty separator (Django's `ValueError`s, same messages).
 * @example
 * parseQsl('a=1&b=x+y&c='); // [['a', '1'], ['b', 'x y']]
 * parseQsl('a=1&b=2&c=3', { maxNumFields: 2 }); // throws RangeError
 */
export function parseQsl(query: string, options: ParseQslOptions = {}): [string, string][] {
  const separator = options.separator ?? '&';
  if (separator === '') throw new RangeError('Separator must be of type string or bytes.');
  const encoding = options.encoding ?? 'utf-8';
  const pairs: [string, string][] = [];
  parseInto(
    query,
    isUtf8Label(encoding) ? 'utf-8' : requireCharset(encoding),
    options.maxNumFields ?? null,
    (key, value) => pairs.push([key, value]),
    {
      keepBlankValues: options.keepBlankValues ?? false,
      strictParsing: options.strictParsing ?? false,
      separator,
      tooMany: () => new RangeError('Max number of fields exceeded'),
    },
  );
  return pairs;
}

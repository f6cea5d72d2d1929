/**
 * Python's `parse_qsl` (Django 3.2's backport of Python 3.8.8's, in `django.utils.http`), which
 * QueryDict and the public `parseQsl()` share: `separator` (`&`) is the only separator, empty
 * pairs are skipped, a pair without `=` has an empty value (kept only with `keepBlankValues`),
 * and the field limit counts `1 + number of separators` before anything is parsed.
 */
import { pyStringRepr, unquotePlus, type UnquoteEncoding } from '@reins/core';
import { TooManyFieldsSent } from '../errors.js';

/** How {@link parseQslInto} reads a query string. */
export interface QslRules {
  keepBlankValues: boolean;
  strictParsing: boolean;
  separator: string;
  /** The error for more fields than `maxNumFields`. */
  tooMany: (maxNumFields: number) => Error;
}

const QUERY_DICT_RULES: QslRules = {
  keepBlankValues: true,
  strictParsing: false,
  separator: '&',
  tooMany: (maxNumFields) =>
    new TooManyFieldsSent(
      'The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS. ' +
        `Send at most ${maxNumFields} fields, or raise the dataUploadMaxNumberFields option.`,
    ),
};

/** Count fields the way Python does: one more than the number of separators. */
export function countFields(query: string, separator = '&'): number {
  let count = 1;
  let index = query.indexOf(separator);
  while (index !== -1) {
    count += 1;
    index = query.indexOf(separator, index + separator.length);
  }
  return count;
}

/** Parse `query`, calling `add(key, value)` for each pair in order (QueryDict's rules by default). */
export function parseQsl(
  query: string,
  encoding: UnquoteEncoding,
  maxNumFields: number | null,
  add: (key: string, value: string) => void,
  rules: QslRules = QUERY_DICT_RULES,
): void {
  const separator = rules.separator;
  if (maxNumFields !== null && maxNumFields < countFields(query, separator)) {
    throw rules.tooMany(maxNumFields);
  }
  const length = query.length;
  const step = separator.length;
  let start = 0;
  while (start <= length) {
    let end = query.indexOf(separator, start);
    if (end === -1) end = length;
    if (end > start) {
      const equals = query.indexOf('=', start);
      let key: string;
      let value: string;
      if (equals === -1 || equals >= end) {
        if (rules.strictParsing) {
          throw new RangeError(`bad query field: ${pyStringRepr(query.slice(start, end))}`);
        }
        key = query.slice(start, end);
        value = '';
        if (!rules.keepBlankValues) {
          start = end + step;
          continue;
        }
      } else {
        key = query.slice(start, equals);
        value = query.slice(equals + 1, end);
      }
      if (value !== '' || rules.keepBlankValues) {
        add(unquotePlus(key, encoding), unquotePlus(value, encoding));
      }
    } else if (rules.strictParsing) {
      throw new RangeError("bad query field: ''");
    }
    start = end + step;
  }
}

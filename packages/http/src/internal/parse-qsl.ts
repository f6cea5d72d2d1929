/**
 * Python's `parse_qsl(qs, keep_blank_values=True, encoding, errors='replace', max_num_fields)`,
 * which Django's QueryDict is defined by: `&` is the only separator (not `;`), empty pairs are
 * skipped, a pair without `=` has an empty value, and the field limit counts `1 + number of &`
 * before anything is parsed.
 */
import { TooManyFieldsSent } from '../errors.js';
import { unquotePlus, type UnquoteEncoding } from '@reins/core';

/** Count fields the way Python does: one more than the number of separators. */
export function countFields(query: string): number {
  let count = 1;
  let index = query.indexOf('&');
  while (index !== -1) {
    count += 1;
    index = query.indexOf('&', index + 1);
  }
  return count;
}

/** Parse `query`, calling `add(key, value)` for each pair in order. */
export function parseQsl(
  query: string,
  encoding: UnquoteEncoding,
  maxNumFields: number | null,
  add: (key: string, value: string) => void,
): void {
  if (maxNumFields !== null && maxNumFields < countFields(query)) {
    throw new TooManyFieldsSent(
      'The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS. ' +
        `Send at most ${maxNumFields} fields, or raise the dataUploadMaxNumberFields option.`,
    );
  }
  const length = query.length;
  let start = 0;
  while (start <= length) {
    let end = query.indexOf('&', start);
    if (end === -1) end = length;
    if (end > start) {
      const equals = query.indexOf('=', start);
      let key: string;
      let value: string;
      if (equals === -1 || equals > end) {
        key = query.slice(start, end);
        value = '';
      } else {
        key = query.slice(start, equals);
        value = query.slice(equals + 1, end);
      }
      add(unquotePlus(key, encoding), unquotePlus(value, encoding));
    }
    start = end + 1;
  }
}

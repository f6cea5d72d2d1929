/**
 * `JsonResponse`: a response whose body is `data` as JSON, with Django's `safe` rule (only a plain
 * object unless `safe: false`, because top-level arrays were a JSON-hijacking vector).
 *
 * @module
 */
import { isPlainObject } from '@reins/core';
import { HttpResponse, type HttpResponseOptions } from './http-response.js';

/** Options of {@link JsonResponse}. */
export interface JsonResponseOptions extends HttpResponseOptions {
  /** Refuse anything but a plain object (Django's default). Default `true`. */
  safe?: boolean;
  /** `JSON.stringify`'s replacer, for types JSON does not know. */
  replacer?: (this: unknown, key: string, value: unknown) => unknown;
  /** `JSON.stringify`'s indentation. */
  space?: string | number;
}

const bigintAsString = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;

function serialize(
  data: unknown,
  replacer: JsonResponseOptions['replacer'],
  space: string | number | undefined,
): string {
  if (replacer !== undefined) {
    return JSON.stringify(
      data,
      function (this: unknown, key: string, value: unknown) {
        return bigintAsString(key, replacer.call(this, key, value));
      },
      space,
    );
  }
  try {
    return JSON.stringify(data, null, space);
  } catch (error) {
    // Only pay for a replacer when the data holds a bigint.
    if (error instanceof TypeError && /BigInt/i.test(error.message)) {
      return JSON.stringify(data, bigintAsString, space);
    }
    throw error;
  }
}

const JSON_OPTIONS: HttpResponseOptions = Object.freeze({ contentType: 'application/json' });

/**
 * A JSON response (`Content-Type: application/json`). `Date`s serialise as ISO strings,
 * `bigint`s as strings.
 *
 * @throws {TypeError} when `safe` is on and `data` is not a plain object.
 * @example
 * return new JsonResponse({ ok: true });
 * return new JsonResponse([1, 2, 3], { safe: false });
 */
export class JsonResponse extends HttpResponse {
  constructor(data: unknown, options?: JsonResponseOptions) {
    if ((options?.safe ?? true) && !isPlainObject(data)) {
      throw new TypeError(
        'In order to allow non-dict objects to be serialized set the safe parameter to False ' +
          '(pass { safe: false } to JsonResponse).',
      );
    }
    // Without options (the common call) the two object copies below were a fifth of the
    // constructor's time on Bun.
    if (options === undefined) {
      super(serialize(data, undefined, undefined), JSON_OPTIONS);
      return;
    }
    const { safe: _safe, replacer, space, ...rest } = options;
    const body = serialize(data, replacer, space);
    super(body, { contentType: 'application/json', ...rest });
  }
}

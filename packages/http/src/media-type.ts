/**
 * `MediaType`: one media range of an `Accept` header, as Django's `django.http.request.MediaType`
 * (what `request.acceptedTypes` holds and `request.accepts()` matches with).
 *
 * @module
 */
import { unquote } from '@reins/core';
import { lookupCharset } from './internal/charset.js';
import { splitParams } from './internal/parse-header.js';

/**
 * A media type or range (`text/html; q=0.9`): main and sub type lower-cased, parameters by
 * lower-cased name (quotes removed, RFC 2231 `name*=charset''value` decoded), as Django's
 * multipart `parse_header` reads it.
 *
 * @example
 * const range = new MediaType('text/*;q=0.8');
 * range.match('text/html'); // true
 * String(range); // 'text/*; q=0.8'
 */
export class MediaType {
  /** `'text'` of `text/html`; `'*'` of `*\/*`. */
  readonly mainType: string;
  /** `'html'` of `text/html`; `''` when there is no `/`. */
  readonly subType: string;
  /** The parameters by lower-cased name (`{ q: '0.9' }`). */
  readonly params: Readonly<Record<string, string>>;

  constructor(raw: string) {
    const [first = '', ...rest] = splitParams(';' + raw, true);
    const params: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const part of rest) {
      const equals = part.indexOf('=');
      if (equals < 0) continue;
      let name = part.slice(0, equals).trim().toLowerCase();
      let value = part.slice(equals + 1).trim();
      let encoded = false;
      if (name.endsWith('*')) {
        name = name.slice(0, -1);
        encoded = part.split("'").length - 1 === 2;
      }
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
        value = value.slice(1, -1).replaceAll('\\\\', '\\').replaceAll('\\"', '"');
      }
      if (encoded) {
        const [charset = '', , text = ''] = value.split("'");
        value = unquote(text, lookupCharset(charset) ?? 'utf-8');
      }
      params[name] = value;
    }
    const full = first.toLowerCase();
    const slash = full.indexOf('/');
    this.mainType = slash < 0 ? full : full.slice(0, slash);
    this.subType = slash < 0 ? '' : full.slice(slash + 1);
    this.params = params;
  }

  /** Whether this is `*\/*`. */
  get isAllTypes(): boolean {
    return this.mainType === '*' && this.subType === '*';
  }

  /**
   * Whether `other` (a media type) falls in this range: `*\/*` takes everything, `text/*` every
   * `text/…`, otherwise the same type. Parameters (`q` too, as in Django 3.2) are not compared.
   *
   * @example
   * new MediaType('text/*').match('text/plain'); // true
   */
  match(other: string | MediaType): boolean {
    if (this.isAllTypes) return true;
    const type = typeof other === 'string' ? new MediaType(other) : other;
    return (
      this.mainType === type.mainType && (this.subType === '*' || this.subType === type.subType)
    );
  }

  /** Django's `str()`: `text/html; q=0.9`. */
  toString(): string {
    let out = this.mainType + (this.subType === '' ? '' : '/' + this.subType);
    for (const [name, value] of Object.entries(this.params)) out += `; ${name}=${value}`;
    return out;
  }
}

/** Django's `parse_accept_header`: the non-blank comma-separated ranges of an `Accept` header. */
export function parseAcceptHeader(header: string): MediaType[] {
  const types: MediaType[] = [];
  for (const token of header.split(',')) if (token.trim() !== '') types.push(new MediaType(token));
  return types;
}

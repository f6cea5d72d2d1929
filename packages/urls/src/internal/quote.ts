/**
 * Django's reverse() percent-encoding: Python's `quote(url, safe="!$&'()*+,;=/~:@")`, i.e. keep
 * unreserved characters, sub-delimiters, `/`, `:` and `@`, and encode everything else as UTF-8
 * `%XX`. That is exactly `encodeURI` minus `?` and `#`. Lone surrogates (which Python refuses to
 * encode) become U+FFFD, as the WHATWG URL parser does.
 */
const SAFE = /^[A-Za-z0-9_.\-~!$&'()*+,;=/:@]*$/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function quote(text: string): string {
  if (SAFE.test(text)) return text;
  const wellFormed = text.replace(LONE_SURROGATE, '\uFFFD');
  return encodeURI(wellFormed).replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'));
}

/** A leading `//` would be a scheme-relative URL; Django escapes the second slash. */
export function escapeLeadingSlashes(url: string): string {
  return url.startsWith('//') ? `/%2F${url.slice(2)}` : url;
}

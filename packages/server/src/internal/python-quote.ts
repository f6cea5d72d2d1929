/**
 * Python's `urllib.parse.quote(text, safe='/')`: percent-encode UTF-8 bytes of everything except
 * letters, digits, `_.-~` and `/`. Django passes `request.path` through it for the
 * `request_path` variable of `404.html`; `encodeURIComponent` alone leaves `!'()*` bare.
 */
export function pythonQuote(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, '/');
}

/**
 * The few Python string behaviours Django's observable output depends on: `str.strip()` (which
 * strips a different whitespace set from JavaScript's `trim()`) and `repr()` of a string, which
 * appears inside Django's error messages.
 */

// Python's str.isspace() set; JavaScript's trim() also strips U+FEFF and misses \x1c-\x1f, \x85.
const PY_SPACE =
  '\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');

/** Python's `str.strip()` with no argument. */
export function pyStrip(value: string): string {
  return value.replace(STRIP, '');
}

/** Python's `repr()` of a string: single quotes unless it contains `'` and no `"`. */
export function pyRepr(value: string): string {
  const quoteChar = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quoteChar;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\\\';
    else if (char === quoteChar) out += '\\' + char;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += char;
  }
  return out + quoteChar;
}

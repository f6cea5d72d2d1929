/**
 * Escaping for text that reaches a log line, Django 5.2's defence against log forging
 * (`django.utils.log.log_message` passes every argument through Python's `unicode_escape`): a
 * client-controlled value — a decoded path, a method, a Host, a user agent — must not be able to
 * end the line and start a fake one, or send terminal escape sequences.
 *
 * What is escaped, with Python's `unicode_escape` spellings: the backslash itself (`\` → `\\`, so
 * an escape in the log can only come from escaping), `\t` `\n` `\r`, every other control character
 * (C0, DEL, C1: `\x1b`, `\x7f`, `\x9b`), and the invisible or line-breaking code points a log
 * viewer may act on — format characters such as bidi overrides and zero-width spaces (`\u202e`),
 * the Unicode line and paragraph separators (`\u2028`), and lone surrogates — as `\uXXXX` (or
 * `\UXXXXXXXX` above U+FFFF). Unlike `unicode_escape`, other non-ASCII text is kept as it is
 * (`/café/` stays readable, and reins' own messages keep their punctuation): it cannot forge a
 * line. `consoleLogger` and the access log apply it; a custom text logger can too.
 */

// Backslash, control (Cc), format (Cf), line/paragraph separator (Zl, Zp), lone surrogate (Cs).
const UNSAFE = /[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const UNSAFE_ALL = /[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const NAMED: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/**
 * `text` made safe for one log line (see the module comment for exactly what is escaped).
 *
 * @example
 * escapeLogText('/x\r\nFORGED'); // '/x\\r\\nFORGED'
 * const logger: Logger = { log: (record) => file.write(`${escapeLogText(record.message)}\n`) };
 */
export function escapeLogText(text: string): string {
  // Nearly every value is clean: one test, no copy.
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeOne) : text;
}

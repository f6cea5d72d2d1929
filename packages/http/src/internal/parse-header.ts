/**
 * Python's `cgi.parse_header`, which Django parses `Content-Type` with: the main value as
 * written (not lower-cased), then `;`-separated parameters whose names are lower-cased and whose
 * double-quoted values are unquoted. A `;` inside quotes does not split.
 */

/**
 * Split `;`-separated parameters, not at a `;` inside double quotes. `cgi.parse_header` does not
 * count an escaped `\"` as a quote; Django's multipart `parse_header` (for `Accept` ranges) does.
 */
export function splitParams(line: string, countEscapedQuotes = false): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.startsWith(';')) {
    rest = rest.slice(1);
    let end = rest.indexOf(';');
    while (end > 0 && quotesBefore(rest, end, countEscapedQuotes) % 2 === 1) {
      end = rest.indexOf(';', end + 1);
    }
    if (end < 0) end = rest.length;
    parts.push(rest.slice(0, end).trim());
    rest = rest.slice(end);
  }
  return parts;
}

function quotesBefore(value: string, end: number, countEscaped: boolean): number {
  let quotes = 0;
  let escaped = 0;
  for (let i = 0; i < end; i += 1) {
    if (value[i] === '"') {
      quotes += 1;
      if (!countEscaped && i > 0 && value[i - 1] === '\\') escaped += 1;
    }
  }
  return quotes - escaped;
}

/** Parse a header such as `text/html; charset="utf-8"` → `['text/html', { charset: 'utf-8' }]`. */
export function parseHeader(line: string): [string, Record<string, string>] {
  const params: Record<string, string> = {};
  if (!line.includes(';')) return [line.trim(), params];
  const [key = '', ...rest] = splitParams(';' + line);
  for (const part of rest) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    let value = part.slice(equals + 1).trim();
    if (value.length >= 2 && value[0] === '"' && value[value.length - 1] === '"') {
      value = value.slice(1, -1).replaceAll('\\\\', '\\').replaceAll('\\"', '"');
    }
    params[name] = value;
  }
  return [key, params];
}

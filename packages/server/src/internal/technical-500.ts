/**
 * The debug 500 page (Django's `technical_500_response`): the error, its stack (and its `cause`
 * chain), the request — query, form, cookies, META — and the settings, with every secret masked
 * by {@link cleanseSetting}. HTML for clients that accept it, plain text otherwise, as Django.
 * Only ever built when `debug` is on.
 */
import { cleanseCookies, cleanseSetting, CLEANSED_SUBSTITUTE, HIDDEN_SETTINGS } from './cleanse.js';
import { escapeHtml } from '@reins/core';

/** What the page shows; the handler gathers it defensively (any getter may throw). */
export interface Technical500Input {
  error: unknown;
  status: number;
  method: string;
  path: string;
  requestUrl: string;
  raisedDuring: string | null;
  get: readonly (readonly [string, readonly string[]])[];
  post: readonly (readonly [string, readonly string[]])[] | string;
  cookies: Readonly<Record<string, string>>;
  meta: Readonly<Record<string, string>>;
  settings: Readonly<Record<string, unknown>>;
  time: Date;
  nodeVersion: string;
}

/** The error's class name, for titles. */
export function errorName(error: unknown): string {
  if (error instanceof Error) return error.name || error.constructor.name || 'Error';
  return typeof error;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function stackOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  const seen = new Set<unknown>();
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    parts.push(
      current instanceof Error && typeof current.stack === 'string'
        ? current.stack
        : `${errorName(current)}: ${errorMessage(current)}`,
    );
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n\nCaused by:\n');
}

/** Render a value for the settings table: JSON for plain data, class instances and functions by name. */
function show(value: unknown): string {
  const describeOther = (inner: unknown): unknown => {
    if (typeof inner === 'function')
      return `[Function ${(inner as { name?: string }).name || '(anonymous)'}]`;
    if (typeof inner === 'bigint') return `${inner}n`;
    if (inner instanceof Map) return Object.fromEntries(inner);
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
      const prototype = Object.getPrototypeOf(inner) as object | null;
      if (prototype !== Object.prototype && prototype !== null)
        return `[${inner.constructor.name || 'object'}]`;
    }
    return inner;
  };
  if (typeof value !== 'object' || value === null) return String(describeOther(value));
  try {
    return (
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Python's str() of the value: its own toString
      JSON.stringify(value, (_key, inner: unknown) => describeOther(inner), 2) ?? String(value)
    );
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Python's str() of the value: its own toString
    return String(value);
  }
}

/** Settings as shown on the page: cleansed, sorted by name. */
export function cleansedSettings(settings: Readonly<Record<string, unknown>>): [string, string][] {
  return Object.keys(settings)
    .sort()
    .map((key) => [key, show(cleanseSetting(key, settings[key]))]);
}

function cleansedMeta(meta: Readonly<Record<string, string>>): [string, string][] {
  return Object.keys(meta)
    .sort()
    .map((key) => [key, HIDDEN_SETTINGS.test(key) ? CLEANSED_SUBSTITUTE : (meta[key] ?? '')]);
}

function table(title: string, rows: readonly (readonly [string, string])[], empty: string): string {
  if (rows.length === 0) return `  <h3>${escapeHtml(title)}</h3>\n  <p>${escapeHtml(empty)}</p>`;
  const body = rows
    .map(
      ([key, value]) =>
        `      <tr><td>${escapeHtml(key)}</td><td class="code"><pre>${escapeHtml(value)}</pre></td></tr>`,
    )
    .join('\n');
  return `  <h3>${escapeHtml(title)}</h3>
  <table class="req">
    <thead><tr><th scope="col">Variable</th><th scope="col">Value</th></tr></thead>
    <tbody>
${body}
    </tbody>
  </table>`;
}

function listRows(entries: readonly (readonly [string, readonly string[]])[]): [string, string][] {
  return entries.map(([key, values]) => [
    key,
    HIDDEN_SETTINGS.test(key) ? CLEANSED_SUBSTITUTE : show(values),
  ]);
}

/** Build the debug 500 page as HTML. */
export function technical500Html(input: Technical500Input): string {
  const name = errorName(input.error);
  const message = errorMessage(input.error);
  const meta: [string, string][] = [
    ['Request Method:', input.method],
    ['Request URL:', input.requestUrl],
    ['Node.js Version:', input.nodeVersion],
    ['Exception Type:', name],
    ['Exception Value:', message],
  ];
  if (input.raisedDuring !== null) meta.push(['Raised during:', input.raisedDuring]);
  meta.push(['Server time:', input.time.toString()]);
  const post =
    typeof input.post === 'string'
      ? `  <h3>POST</h3>\n  <p>${escapeHtml(input.post)}</p>`
      : table('POST', listRows(input.post), 'No POST data');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>${escapeHtml(name)} at ${escapeHtml(input.path)}</title>
  <style>
    html * { padding:0; margin:0; }
    body * { padding:10px 20px; }
    body * * { padding:0; }
    body { font-family: sans-serif; background-color:#fff; color:#000; }
    body > :where(header, main, footer) { border-bottom:1px solid #ddd; }
    h1 { font-weight:normal; }
    h2 { margin-bottom:.8em; }
    h3 { margin:1em 0 .5em 0; }
    table { border:1px solid #ccc; border-collapse: collapse; width:100%; background:white; }
    tbody td, tbody th { vertical-align:top; padding:2px 3px; }
    thead th { padding:1px 6px 1px 3px; background:#fefefe; text-align:left; font-weight:normal; font-size:11px; border:1px solid #ddd; }
    tbody th { width:12em; text-align:right; color:#666; padding-right:.5em; }
    table.vars { margin:5px 10px 2px 40px; width: auto; }
    td.code { width:100%; }
    td.code pre { overflow:hidden; white-space: pre-wrap; }
    pre.exception_value { font-family: sans-serif; color: #575757; font-size: 1.5em; margin: 10px 0 10px 0; }
    pre.traceback { background: #f6f6f6; padding: 10px; overflow: auto; }
    #summary { background: #ffc; }
    #summary h2 { font-weight: normal; color: #666; }
    #explanation { background:#eee; }
    #requestinfo { background:#f6f6f6; padding-left:120px; }
  </style>
</head>
<body>
  <header id="summary">
    <h1>${escapeHtml(name)} at ${escapeHtml(input.path)}</h1>
    <pre class="exception_value">${escapeHtml(message)}</pre>
    <table class="meta">
${meta.map(([key, value]) => `      <tr><th scope="row">${escapeHtml(key)}</th><td><pre>${escapeHtml(value)}</pre></td></tr>`).join('\n')}
    </table>
  </header>
  <main id="traceback">
    <h2>Traceback</h2>
    <pre class="traceback">${escapeHtml(stackOf(input.error))}</pre>
  </main>
  <main id="requestinfo">
    <h2>Request information</h2>
${table('GET', listRows(input.get), 'No GET data')}
${post}
${table('COOKIES', cleanseCookies(input.cookies), 'No cookie data')}
${table('META', cleansedMeta(input.meta), 'No META data')}
    <h3 id="settings-info">Settings</h3>
${table('Using settings', cleansedSettings(input.settings), 'No settings')}
  </main>
  <footer id="explanation">
    <p>
      You’re seeing this error because you have <code>debug: true</code> in your reins settings.
      Change that to <code>false</code>, and reins will display a standard page generated by the handler for this status code.
    </p>
  </footer>
</body>
</html>
`;
}

/** Build the debug 500 page as plain text (for clients that do not accept HTML). */
export function technical500Text(input: Technical500Input): string {
  const name = errorName(input.error);
  const lines = [
    `${name} at ${input.path}`,
    errorMessage(input.error),
    '',
    `Request Method: ${input.method}`,
    `Request URL: ${input.requestUrl}`,
    `Node.js Version: ${input.nodeVersion}`,
  ];
  if (input.raisedDuring !== null) lines.push(`Raised during: ${input.raisedDuring}`);
  lines.push('', 'Traceback:', stackOf(input.error), '', 'Request information:');
  lines.push(
    input.get.length === 0
      ? 'GET: No GET data'
      : `GET:\n${listRows(input.get)
          .map(([k, v]) => `${k} = ${v}`)
          .join('\n')}`,
  );
  if (typeof input.post === 'string') lines.push(`POST: ${input.post}`);
  else
    lines.push(
      input.post.length === 0
        ? 'POST: No POST data'
        : `POST:\n${listRows(input.post)
            .map(([k, v]) => `${k} = ${v}`)
            .join('\n')}`,
    );
  const cookies = cleanseCookies(input.cookies);
  lines.push(
    cookies.length === 0
      ? 'COOKIES: No cookie data'
      : `COOKIES:\n${cookies.map(([k, v]) => `${k} = ${v}`).join('\n')}`,
  );
  lines.push(
    `META:\n${cleansedMeta(input.meta)
      .map(([k, v]) => `${k} = ${v}`)
      .join('\n')}`,
  );
  lines.push('', 'Settings:', ...cleansedSettings(input.settings).map(([k, v]) => `${k} = ${v}`));
  lines.push(
    '',
    'You’re seeing this error because you have debug: true in your reins settings. Change that to false, and reins will display a standard page generated by the handler for this status code.',
  );
  return `${lines.join('\n')}\n`;
}

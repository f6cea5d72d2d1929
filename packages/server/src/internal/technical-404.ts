/**
 * The debug 404 page (Django's `technical_404_response`): what was requested, and every URL
 * pattern tried, in order, from `Resolver404.tried` — each entry the include chain, outermost
 * first, with the last pattern's name. An empty URLconf gets the welcome page instead (status
 * 200), as in Django.
 */
import { escapeHtml } from '@reins/core';

/** One pattern of a tried entry, as `Resolver404.tried` holds it. */
export interface TriedPattern {
  pattern: string;
  name: string | null;
}

/** What the page shows. */
export interface Technical404Input {
  method: string;
  pathInfo: string;
  /** The absolute URL of the request, or the path when the host cannot be used. */
  requestUrl: string;
  /** The patterns tried, or `null` when the 404 came from a view whose match has no list. */
  tried: readonly (readonly TriedPattern[])[] | null;
  /** The path reported as not matching, without its leading slash. */
  errorUrl: string;
  /** The view's name when the view raised the 404 (resolution succeeded). */
  raisedBy: string | null;
  /** The 404's message, when a view raised it with one. */
  reason: string | null;
  urlconfName: string;
}

const STYLE = `
  html * { padding:0; margin:0; }
  body * { padding:10px 20px; }
  body * * { padding:0; }
  body { font-family: sans-serif; background:#eee; color:#000; }
  body > :where(header, main, footer) { border-bottom:1px solid #ddd; }
  h1 { font-weight:normal; margin-bottom:.4em; }
  h1 small { font-size:60%; color:#666; font-weight:normal; }
  table { border:none; border-collapse: collapse; width:100%; }
  td, th { vertical-align:top; padding:2px 3px; }
  th { width:12em; text-align:right; color:#666; padding-right:.5em; }
  #info { background:#f6f6f6; }
  #info ol { margin: 0.5em 4em; }
  #info ol li { font-family: monospace; }
  #summary { background: #ffc; }
  #explanation { background:#eee; border-bottom: 0px none; }
  pre.exception_value { font-family: sans-serif; color: #575757; font-size: 1.5em; margin: 10px 0 10px 0; }
`;

/** Build the debug 404 page; returns the HTML and the status (404, or 200 for the welcome page). */
export function technical404Page(input: Technical404Input): { html: string; status: number } {
  if (input.tried !== null && input.tried.length === 0 && input.raisedBy === null) {
    return { html: welcomePage(), status: 200 };
  }
  const title = `Page not found at ${escapeHtml(input.pathInfo)}`;
  const rows = [
    `<tr><th scope="row">Request Method:</th><td>${escapeHtml(input.method)}</td></tr>`,
    `<tr><th scope="row">Request URL:</th><td>${escapeHtml(input.requestUrl)}</td></tr>`,
  ];
  if (input.raisedBy !== null) {
    rows.push(`<tr><th scope="row">Raised by:</th><td>${escapeHtml(input.raisedBy)}</td></tr>`);
  }
  const path =
    input.errorUrl === ''
      ? 'The empty path'
      : `The current path, <code>${escapeHtml(input.errorUrl)}</code>,`;
  let info: string;
  if (input.tried !== null && input.tried.length > 0) {
    const items = input.tried
      .map((entry) => {
        const parts = entry.map((pattern, index) => {
          const named = index === entry.length - 1 && pattern.name !== null;
          return `<span>${escapeHtml(pattern.pattern)}${named ? ` [name='${escapeHtml(pattern.name!)}']` : ''}</span>`;
        });
        return `      <li>\n        ${parts.join('\n        ')}\n      </li>`;
      })
      .join('\n');
    const verdict =
      input.raisedBy !== null ? 'matched the last one.' : 'didn’t match any of these.';
    info = `    <p>Using the URLconf defined in <code>${escapeHtml(input.urlconfName)}</code>, reins tried these URL patterns, in this order:</p>
    <ol>
${items}
    </ol>
    <p>${path} ${verdict}</p>`;
  } else {
    info = `    <p>${path} ${input.raisedBy !== null ? 'matched a URL pattern, but its view raised a 404.' : 'didn’t match.'}</p>`;
  }
  const reason =
    input.reason !== null && input.reason !== ''
      ? `\n    <pre class="exception_value">${escapeHtml(input.reason)}</pre>`
      : '';
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <title>${title}</title>
  <meta name="robots" content="NONE,NOARCHIVE">
  <style>${STYLE}</style>
</head>
<body>
  <header id="summary">
    <h1>Page not found <small>(404)</small></h1>${reason}
    <table class="meta">
      ${rows.join('\n      ')}
    </table>
  </header>
  <main id="info">
${info}
  </main>
  <footer id="explanation">
    <p>
      You’re seeing this error because you have <code>debug: true</code> in your reins settings.
      Change that to <code>false</code>, and reins will display a standard 404 page.
    </p>
  </footer>
</body>
</html>
`;
  return { html, status: 404 };
}

function welcomePage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>reins: the web framework for perfectionists with deadlines.</title>
  <meta name="robots" content="NONE,NOARCHIVE">
</head>
<body>
  <main>
    <h1>The install worked successfully! Congratulations!</h1>
    <p>You are seeing this page because <code>debug: true</code> is in your settings and your
    root URLconf has no URL patterns yet. Add a <code>path()</code> to get started.</p>
  </main>
</body>
</html>
`;
}

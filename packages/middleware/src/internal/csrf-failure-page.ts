/**
 * The default CSRF failure view: a 403 page that says the check failed and, in debug, which check
 * and how to fix it. The reason can quote a client-supplied Origin or Referer, so everything
 * interpolated is HTML-escaped.
 */
import type { HttpRequest } from '@reins/http';
import { escape, HttpResponseForbidden } from '@reins/http';

export const REASON_NO_REFERER = 'Referer checking failed - no Referer.';
export const REASON_NO_CSRF_COOKIE = 'CSRF cookie not set.';

const STYLE = `
    html * { padding: 0; margin: 0; }
    body * { padding: 10px 20px; }
    body * * { padding: 0; }
    body { font: small sans-serif; background: #eee; color: #000; }
    body > div { border-bottom: 1px solid #ddd; }
    h1 { font-weight: normal; margin-bottom: .4em; }
    h1 span { font-size: 60%; color: #666; font-weight: normal; }
    #info { background: #f6f6f6; }
    #info ul { margin: 0.5em 4em; }
    #info p, #summary p { padding-top: 10px; }
    #summary { background: #ffc; }
    #explanation { background: #eee; border-bottom: 0 none; }`;

function explanation(reason: string): string {
  if (reason === REASON_NO_REFERER) {
    return `
  <p>This site is served over HTTPS and checks the Referer header of every form submission, but
  your browser sent none. The check stops other sites from submitting forms here on your behalf.</p>
  <p>If your browser or an extension removes Referer headers, allow them for this site (at least for
  same-origin requests). A <code>Referrer-Policy: no-referrer</code> header or
  <code>&lt;meta name="referrer" content="no-referrer"&gt;</code> tag on the page has the same effect;
  prefer <code>rel="noreferrer"</code> on links to other sites.</p>`;
  }
  if (reason === REASON_NO_CSRF_COOKIE) {
    return `
  <p>This site needs a CSRF cookie when a form is submitted, and your browser did not send one.
  The cookie stops other sites from submitting forms here on your behalf.</p>
  <p>If your browser blocks cookies, allow them for this site (at least for same-origin requests).</p>`;
  }
  return '';
}

/** Django's `csrf_failure` view, in reins' words: status 403, `text/html`. */
export function csrfFailurePage(
  _request: HttpRequest,
  reason: string,
  debug: boolean,
): HttpResponseForbidden {
  const details = debug
    ? `
<div id="info">
  <h2>Help</h2>${
    reason
      ? `
  <p>Reason given for failure:</p>
  <pre>
    ${escape(reason).toString()}
  </pre>`
      : ''
  }
  <p>This happens when another site really did try to submit a form here, or when the CSRF
  protection is not wired up correctly. For a POST form, check that:</p>
  <ul>
    <li>the browser accepts cookies;</li>
    <li>the view renders its template with the request, so context processors run;</li>
    <li>the form contains <code>{% csrf_token %}</code> if it posts to this site;</li>
    <li>AJAX requests send the token in the <code>X-CSRFToken</code> header;</li>
    <li>the page was not left open across a login, which rotates the token (reload it).</li>
  </ul>
  <p>You are seeing this help because debug is on. With debug off, only the message above is shown.</p>
</div>`
    : `
<div id="explanation">
  <p><small>More information is available with DEBUG=True.</small></p>
</div>`;
  const body = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>403 Forbidden</title>
  <style>${STYLE}
  </style>
</head>
<body>
<div id="summary">
  <h1>Forbidden <span>(403)</span></h1>
  <p>CSRF verification failed. Request aborted.</p>${explanation(reason)}
</div>${details}
</body>
</html>
`;
  return new HttpResponseForbidden(body, { contentType: 'text/html' });
}

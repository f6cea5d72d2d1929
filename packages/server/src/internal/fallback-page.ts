/**
 * The built-in bodies of Django's default error views, used when no `404.html`/`500.html`/
 * `400.html`/`403.html` template exists. Byte-for-byte Django's fallback: a leading newline, the
 * page indented by two spaces, a trailing newline.
 */

/** The four error pages Django ships, by status. */
export const FALLBACK_PAGES = {
  400: { title: 'Bad Request (400)', details: '' },
  403: { title: '403 Forbidden', details: '' },
  404: { title: 'Not Found', details: 'The requested resource was not found on this server.' },
  500: { title: 'Server Error (500)', details: '' },
} as const;

/** The status codes with a built-in page. */
export type FallbackStatus = keyof typeof FALLBACK_PAGES;

/** The fallback HTML for `status`. */
export function fallbackPage(status: FallbackStatus): string {
  const { title, details } = FALLBACK_PAGES[status];
  return `
<!doctype html>
<html lang="en">
<head>
  <title>${title}</title>
</head>
<body>
  <h1>${title}</h1><p>${details}</p>
</body>
</html>
`;
}

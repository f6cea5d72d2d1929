import { describe, expect, it } from 'vitest';
import { fallbackPage } from './fallback-page.js';

describe('fallbackPage', () => {
  it("is Django's 404 page byte for byte", () => {
    expect(fallbackPage(404)).toBe(
      '\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n' +
        '  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n',
    );
  });

  it.each([
    [500, 'Server Error (500)'],
    [400, 'Bad Request (400)'],
    [403, '403 Forbidden'],
  ] as const)('gives %i the title %s and empty details', (status, title) => {
    expect(fallbackPage(status)).toBe(
      `\n<!doctype html>\n<html lang="en">\n<head>\n  <title>${title}</title>\n</head>\n<body>\n  <h1>${title}</h1><p></p>\n</body>\n</html>\n`,
    );
  });
});

/**
 * Every known open-redirect bypass shape (Django's and Express's advisories, issue 19) replayed
 * against Django's recorded answers (test/differential/safe-url-bypasses.py). reins gives the
 * answer of Django 4.0+ (the standard library's `urlsplit`, which removes tab/CR/LF), except where
 * listed in STRICTER.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { urlHasAllowedHostAndScheme } from '../src/index.js';

interface Recorded {
  generated_by: string;
  allowed_hosts: string[];
  cases: { input: string; django32: [boolean, boolean]; django52: [boolean, boolean] }[];
}

const recorded = JSON.parse(
  readFileSync(new URL('./fixtures/django-safe-url-bypasses.json', import.meta.url), 'utf8'),
) as Recorded;

// Django 5.2 accepts these and a browser opens them on another host: its `///` check runs before
// tab/CR/LF are removed, so the backslash reading "//\t/evil.com" passes. reins refuses them.
const STRICTER = new Set(['/\\\t/evil.com']);

describe(`open-redirect bypass shapes against ${recorded.generated_by}`, () => {
  it.each(recorded.cases.map((c) => [JSON.stringify(c.input), c] as const))('%s', (_name, c) => {
    const expected = STRICTER.has(c.input) ? [false, false] : c.django52;
    const answers = [false, true].map((requireHttps) =>
      urlHasAllowedHostAndScheme(c.input, { allowedHosts: recorded.allowed_hosts, requireHttps }),
    );
    expect(answers).toEqual(expected);
  });

  it('refuses the three shapes of issue 19, which Django 3.2 accepted', () => {
    for (const url of ['/\t/example.com', 'java\tscript:alert(1)', 'java\nscript:alert(1)']) {
      expect(urlHasAllowedHostAndScheme(url, { allowedHosts: ['testserver'] })).toBe(false);
    }
  });

  it('still accepts a relative path with a tab inside it', () => {
    expect(urlHasAllowedHostAndScheme('/x\t/y', { allowedHosts: [] })).toBe(true);
  });

  it('agrees with the WHATWG URL parser: nothing accepted leaves the allowed hosts', () => {
    for (const c of recorded.cases) {
      if (!urlHasAllowedHostAndScheme(c.input, { allowedHosts: recorded.allowed_hosts })) continue;
      let url: URL;
      try {
        url = new URL(c.input.trim(), 'https://example.com/base/');
      } catch {
        continue;
      }
      expect([url.protocol, url.host]).toEqual([
        expect.stringMatching(/^https?:$/),
        expect.stringMatching(/^example\.com(:8000)?$/),
      ]);
    }
  });
});

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineStaticfiles, Staticfiles } from './define-staticfiles.js';
import { staticUrl } from './static-url.js';
import { MissingManifestEntry } from './errors.js';

const base = mkdtempSync(join(tmpdir(), 'reins-define-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('defineStaticfiles', () => {
  it('refuses a staticUrl without its trailing slash, naming the setting and the fix', () => {
    expect(() => new Staticfiles({ staticUrl: '/static' })).toThrow(
      "The 'staticUrl' setting must end with a slash, got '/static'. Write '/static/'.",
    );
    expect(() => new Staticfiles({ staticUrl: 'static/' })).toThrow(/must start with '\/'/);
  });

  it('quotes names in URLs and joins them onto a CDN prefix', () => {
    expect(new Staticfiles({ staticUrl: '/static/' }).url('css/a b?.css')).toBe(
      '/static/css/a%20b%3F.css',
    );
    expect(new Staticfiles({ staticUrl: 'https://cdn.example/s/' }).url('x.js')).toBe(
      'https://cdn.example/s/x.js',
    );
  });

  it('staticUrl() answers from the last definition', () => {
    defineStaticfiles({ staticUrl: '/assets/' });
    expect(staticUrl('logo.png')).toBe('/assets/logo.png');
  });

  it('a strict manifest refuses a name it does not list', () => {
    const staticfiles = new Staticfiles({
      staticUrl: '/static/',
      staticRoot: join(base, 'none'),
      storage: 'ManifestStaticFilesStorage',
    });
    expect(() => staticfiles.url('x.css')).toThrow(MissingManifestEntry);
  });
});

describe('check()', () => {
  it("reports staticRoot inside a staticfilesDirs entry (Django's E002) and missing directories (W004)", () => {
    mkdirSync(join(base, 'static'), { recursive: true });
    const staticfiles = new Staticfiles({
      staticUrl: '/static/',
      staticRoot: join(base, 'static', 'collected'),
      staticfilesDirs: [join(base, 'static'), join(base, 'gone'), ['pre/', join(base, 'static')]],
      debug: true,
    });
    expect(
      staticfiles
        .check()
        .map((message) => message.id)
        .sort(),
    ).toEqual(['staticfiles.E002', 'staticfiles.E002', 'staticfiles.E003', 'staticfiles.W004']);
  });

  it('warns in production when staticRoot was never collected', () => {
    const staticfiles = new Staticfiles({ staticUrl: '/static/', staticRoot: join(base, 'never') });
    expect(staticfiles.check()).toEqual([
      expect.objectContaining({ id: 'staticfiles.W100', level: 'warning' }),
    ]);
  });
});

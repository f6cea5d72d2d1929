/**
 * The contract every `Loader` keeps, run against each built-in loader by loader-contract.test.ts:
 * candidate origins name the template and the loader, contents are read or `undefined`, and the
 * change stamp moves when the source changes (what debug-mode reloading relies on).
 */
import { describe, expect, it } from 'vitest';
import type { Loader } from '../src/index.js';

export interface LoaderFixture {
  /** A loader that has `page.html` with the source `v1`. */
  loader: Loader;
  /** Change `page.html` to `v2`. */
  change: () => void;
}

export function loaderContract(label: string, make: () => LoaderFixture): void {
  describe(`loader contract: ${label}`, () => {
    it('offers origins naming the template and the loader', () => {
      const { loader } = make();
      const origins = loader.getTemplateSources('page.html');
      expect(origins.length).toBeGreaterThan(0);
      for (const origin of origins) {
        expect(origin.templateName).toBe('page.html');
        expect(origin.loader).toBe(loader);
        expect(origin.name).toContain('page.html');
      }
    });

    it('reads an existing source and answers undefined for a missing one', () => {
      const { loader } = make();
      const found = loader.getTemplateSources('page.html').map((o) => loader.getContents(o));
      expect(found).toContain('v1');
      for (const origin of loader.getTemplateSources('missing.html')) {
        expect(loader.getContents(origin)).toBeUndefined();
      }
    });

    it('moves its change stamp when the source changes', () => {
      const { loader, change } = make();
      const origin = loader
        .getTemplateSources('page.html')
        .find((o) => loader.getContents(o) === 'v1')!;
      const before = loader.getStamp?.(origin);
      change();
      expect(loader.getContents(origin)).toBe('v2');
      expect(loader.getStamp?.(origin)).not.toBe(before);
    });
  });
}

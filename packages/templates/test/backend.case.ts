/**
 * The contract every template backend of `createTemplates` must keep, run against each backend
 * (reins and Nunjucks) by backend-contract.test.ts: loading by name, missing templates reported as
 * TemplateDoesNotExist with the paths tried, rendering with a context and a request, autoescaping,
 * compiling from a string, and side-by-side lookup order.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTemplates, TemplateDoesNotExist, type TemplateEngineConfig } from '../src/index.js';

/** Sources in the backend's own language for the fixed cases below. */
export interface BackendSources {
  /** Renders `Hello <name>` with `name` escaped. */
  hello: string;
  /** Renders the request's `path` when a request is given, else `none`. */
  request: string;
  /** A template that fails to compile. */
  broken: string;
}

export function backendContract(
  label: string,
  backend: TemplateEngineConfig['backend'],
  sources: BackendSources,
  options: Record<string, unknown> = {},
): void {
  describe(`backend contract: ${label}`, () => {
    const dir = mkdtempSync(join(tmpdir(), `reins-contract-${label}-`));
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'hello.html'), sources.hello);
    writeFileSync(join(dir, 'sub', 'request.html'), sources.request);
    writeFileSync(join(dir, 'broken.html'), sources.broken);
    const templates = createTemplates([{ backend, name: label, dirs: [dir], options }]);

    it('loads by name and renders a context, escaping values', async () => {
      const template = templates.getTemplate('hello.html');
      expect(template.name).toBe('hello.html');
      expect(template.backend).toBe(label);
      expect(template.origin).toBe(join(dir, 'hello.html'));
      expect(await template.render({ name: '<Ann & Bob>' })).toBe('Hello &lt;Ann &amp; Bob&gt;');
    });

    it('passes the request to the template', async () => {
      const template = templates.getTemplate('sub/request.html');
      expect(await template.render({}, { path: '/p/' })).toBe('/p/');
      expect(await template.render({})).toBe('none');
    });

    it('reports a missing template with every path tried', () => {
      let error: unknown;
      try {
        templates.getTemplate('nope.html');
      } catch (e) {
        error = e;
      }
      expect(TemplateDoesNotExist.isInstance(error)).toBe(true);
      expect((error as TemplateDoesNotExist).tried).toEqual([
        `${label}: ${join(dir, 'nope.html')} (Source does not exist)`,
      ]);
    });

    it('reports a broken template as an error, not as missing', () => {
      expect(() => templates.getTemplate('broken.html')).toThrow();
      try {
        templates.getTemplate('broken.html');
      } catch (error) {
        expect(TemplateDoesNotExist.isInstance(error)).toBe(false);
      }
    });

    it('compiles from a string', async () => {
      const engine = templates.engines.get(label)!;
      expect(await engine.fromString(sources.hello).render({ name: 'x' })).toBe('Hello x');
    });

    it('renders through renderToString with a list of names', async () => {
      expect(await templates.renderToString(['missing.html', 'hello.html'], { name: 'Z' })).toBe(
        'Hello Z',
      );
    });
  });
}

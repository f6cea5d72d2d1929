/**
 * `reins typegen`'s file for a real urlconf (test/fixtures/typegen-urls.ts), judged by what it
 * means to the checker: the file is compiled by tsc together with the urlconf and calls of the
 * typed `reverse()`/`redirect()`, which must type-check, fail where Django's `reverse()` would, and
 * read `UrlKwargs` as Django's `reverse()` takes kwargs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { createResolver, rePath } from '@reins/urls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlpatterns } from '../../../test/fixtures/typegen-urls.js';
import { generateUrlTypes } from './typegen.js';

const PACKAGE = resolve(import.meta.dirname, '../../..');
const FIXTURE = join(PACKAGE, 'test/fixtures/typegen-urls.ts');

// Assertions on the registered map, and calls: each line must type-check, except the ones marked.
const CALLS = `
import { redirect, reverse } from '@reins/shortcuts';
import type { UrlKwargs } from '@reins/shortcuts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function same<T extends true>(): T | undefined { return undefined; }

same<Equal<keyof UrlKwargs, 'archive' | 'color' | 'feed' | 'home' | 'i18n:about' | 'legacy' | 'member' | 'page' | 'polls-v2:detail' | 'polls-v2:index' | 'polls:detail' | 'polls:index' | 'year-archive'>>();
same<Equal<UrlKwargs['polls:detail'], { pk: number }>>();
same<Equal<UrlKwargs['year-archive'], { year: number }>>();
same<Equal<UrlKwargs['color'], { value: unknown }>>();
same<Equal<UrlKwargs['archive'], { year: string | number; slug: string | number }>>();
same<Equal<UrlKwargs['member'], { org: string; member: string; tab?: 'people' }>>();
same<Equal<UrlKwargs['i18n:about'], { lang: string | number }>>();
same<Equal<UrlKwargs['page'], Record<never, never> | { n: number }>>();

export const ok = [
  reverse('home'),
  reverse('polls:detail', { kwargs: { pk: 4 } }),
  reverse('polls-v2:detail', { args: [4] }),
  reverse('year-archive', { kwargs: { year: 2024 } }),
  reverse('archive', { kwargs: { year: 2024, slug: 'hello' } }),
  reverse('legacy', { args: [7] }),
  reverse('feed'),
  reverse('feed', { kwargs: { format: 'rss' } }),
  reverse('member', { kwargs: { org: 'acme', member: '6f1c2e9a-3b4d-4c5e-8f70-1a2b3c4d5e6f' } }),
  reverse('page'),
  reverse('page', { kwargs: { n: 2 } }),
  redirect('polls:index'),
  redirect('/a/url/'),
];

export const refused = [
  // @ts-expect-error pk is a number
  reverse('polls:detail', { kwargs: { pk: '4' } }),
  // @ts-expect-error the year is required
  reverse('year-archive'),
  // @ts-expect-error a regex route's named groups are required
  reverse('archive', { kwargs: { year: 2024 } }),
  // @ts-expect-error Django matches an extra kwarg only when it equals the pattern's
  reverse('feed', { kwargs: { format: 'atom' } }),
  // @ts-expect-error the include's converter is a kwarg too
  reverse('member', { kwargs: { member: '6f1c2e9a-3b4d-4c5e-8f70-1a2b3c4d5e6f' } }),
  // @ts-expect-error names in a namespaced include need the namespace
  reverse('detail', { kwargs: { pk: 1 } }),
];
`;

const WRONG_NAME = `
import { reverse } from '@reins/shortcuts';
export const wrong = reverse('polls:detial', { kwargs: { pk: 1 } });
`;

let dir: string;
let text: string;
let program: ts.Program;

beforeAll(() => {
  text = generateUrlTypes(createResolver(urlpatterns));
  // Inside the package, so that '@reins/shortcuts' resolves as it does for a project.
  mkdirSync(join(PACKAGE, 'node_modules/.tmp'), { recursive: true });
  dir = mkdtempSync(join(PACKAGE, 'node_modules/.tmp/typegen-'));
  writeFileSync(join(dir, 'reins-urls.gen.d.ts'), text);
  writeFileSync(join(dir, 'calls.ts'), CALLS);
  writeFileSync(join(dir, 'wrong-name.ts'), WRONG_NAME);
  // One program for every file (each costs seconds on a loaded machine).
  program = ts.createProgram({
    rootNames: [
      FIXTURE,
      ...['reins-urls.gen.d.ts', 'calls.ts', 'wrong-name.ts'].map((f) => join(dir, f)),
    ],
    options: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      customConditions: ['@reins/source'],
      strict: true,
      // The generated .d.ts itself is checked too, as a project without skipLibCheck does.
      skipLibCheck: false,
      noEmit: true,
      types: [],
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    },
  });
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** tsc's messages for `file` and for the generated file. */
function diagnostics(file: string): string[] {
  return [file, 'reins-urls.gen.d.ts']
    .flatMap((name) => program.getSemanticDiagnostics(program.getSourceFile(join(dir, name))))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('reins typegen', () => {
  it('types every name as Django reverse()s it: the checker accepts and refuses the same calls', () => {
    expect(diagnostics('calls.ts')).toEqual([]);
  }, 60_000);

  it('keeps a wrong name readable: the message lists the close names', () => {
    const [message, ...rest] = diagnostics('wrong-name.ts');
    expect(rest).toEqual([]);
    expect(message).toContain('"polls:detail"');
    expect(message).toContain("No URL is named 'polls:detial'");
  }, 60_000);

  it('writes the same text for the same urlconf, names in code-unit order with their routes', () => {
    expect(generateUrlTypes(createResolver(urlpatterns))).toBe(text);
    const names = [...text.matchAll(/^ {2}('[^']*'|\w+):/gm)].map((m) => m[1]!.replace(/'/g, ''));
    expect(names).toEqual([...names].sort());
    expect(text).toContain('/** /polls/<int:pk>/, /polls-v2/<int:pk>/ */');
  });

  it('keeps a route that holds */ inside its comment', () => {
    expect(text).toContain('/** /legacy/([0-9]+)/[(?P<x>]*\\/$ */');
  });

  it('writes an empty interface for a urlconf without names', () => {
    const empty = generateUrlTypes(createResolver([]));
    expect(empty).toContain('interface ReinsUrlKwargs {\n}');
    expect(empty).not.toContain('ConverterTypes');
  });
});

describe('a regex route', () => {
  it("takes Python's named groups as kwargs, not escaped ones, ones inside a class or back-references", () => {
    const view = () => null;
    const text = generateUrlTypes(
      createResolver([
        rePath('^(?P<year>[0-9]{4})/(?P<slug>[-\\w]+)/$', view, { name: 'a' }),
        rePath('^\\(\\?P<no>x\\)[(?P<nor>]/(?P<yes>a)$', view, { name: 'b' }),
        rePath('^[]a(?P<in>)](?P<out>b)$', view, { name: 'c' }),
        rePath('^(?P<x>[0-9]+)/(?P=x)$', view, { name: 'd' }),
      ]),
    );
    expect(text).toContain('  a: { year: string | number; slug: string | number };');
    expect(text).toContain('  b: { yes: string | number };');
    expect(text).toContain('  c: { out: string | number };');
    expect(text).toContain('  d: { x: string | number };');
  });
});

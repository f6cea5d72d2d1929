/**
 * What the editor offers inside `reverse('` and `redirect('`: every name of the map, and besides
 * them only the text typed so far (the accepting signatures take the name as a plain
 * `const N extends string`, which the checker pays least for). Asked of TypeScript's language
 * service, as an editor asks tsserver.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DIR = import.meta.dirname;
const FILE = join(DIR, '__completions__.ts');

const SOURCE = `
import type { TypedRedirect, TypedReverse } from './typed-reverse.js';
type Map = { home: Record<never, never>; 'polls:detail': { pk: number }; 'polls:index': Record<never, never> };
declare const reverse: TypedReverse<Map>;
declare const redirect: TypedRedirect<Map, 'r', 'p'>;
reverse('');
redirect('');
reverse('polls:', { kwargs: { pk: 1 } });
`;

function completionsAt(marker: string): string[] {
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [FILE],
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => {
      const text = file === FILE ? SOURCE : ts.sys.readFile(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => DIR,
    getCompilationSettings: () => ({
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: [],
      lib: ['lib.es2022.d.ts'],
    }),
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (file) => file === FILE || ts.sys.fileExists(file),
    readFile: (file) => (file === FILE ? SOURCE : ts.sys.readFile(file)),
  };
  const service = ts.createLanguageService(host);
  const position = SOURCE.indexOf(marker) + marker.length;
  const completions = service.getCompletionsAtPosition(FILE, position, {});
  service.dispose();
  return (completions?.entries ?? []).map((entry) => entry.name).sort();
}

describe('completion inside the name argument', () => {
  it('offers every name of reverse(), besides the text typed so far', () => {
    expect(completionsAt("reverse('")).toEqual(['', 'home', 'polls:detail', 'polls:index']);
    expect(completionsAt("reverse('polls:")).toEqual([
      'home',
      'polls:',
      'polls:detail',
      'polls:index',
    ]);
  }, 30_000);

  it('offers every name of redirect()', () => {
    expect(completionsAt("redirect('")).toEqual(['', 'home', 'polls:detail', 'polls:index']);
  }, 30_000);
});

/**
 * Conformance with Django 3.2's ManifestStaticFilesStorage, recorded by
 * `test/fixtures/record-django-vectors.py` over `test/fixtures/manifest-tree/`: collectstatic's
 * summary, the collected names, each CSS file rewritten under its hashed name, the manifest text
 * byte for byte, and the URLs `{% static %}` gives with and without the manifest.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '@reins/templates';
import { collectstatic, Staticfiles, staticLibrary } from '../src/index.js';
import { walkFiles } from '../src/internal/walk.js';

interface StaticCase {
  template: string;
  output?: string;
  error?: string;
  message?: string;
}
interface Vectors {
  summary: string;
  secondSummary: string;
  files: string[];
  css: Record<string, string>;
  manifest: string;
  static: Record<'manifestStrict' | 'manifestLenient' | 'plain' | 'debug', StaticCase[]>;
}

const fixtures = join(import.meta.dirname, 'fixtures');
const tree = join(fixtures, 'manifest-tree');
const vectors = JSON.parse(readFileSync(join(fixtures, 'django-vectors.json'), 'utf8')) as Vectors;
let root: string;

function define(
  storage: 'ManifestStaticFilesStorage' | 'StaticFilesStorage',
  extra: { debug?: boolean; manifestStrict?: boolean } = {},
): Staticfiles {
  return new Staticfiles({
    staticUrl: '/static/',
    staticRoot: root,
    staticfilesDirs: [join(tree, 'static'), ['vendor', join(tree, 'vendor')]],
    storage,
    ...extra,
  });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'reins-static-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('collectstatic with ManifestStaticFilesStorage, against Django 3.2', () => {
  let summary: string;
  beforeAll(async () => {
    ({ summary } = await collectstatic(define('ManifestStaticFilesStorage'), {
      interactive: false,
      compress: false,
    }));
  });

  it("prints Django's summary line", () => {
    expect(summary).toBe(vectors.summary.replace('<STATIC_ROOT>', root));
  });

  it('collects the same names (originals and hashed copies, ignored files left out)', () => {
    const names = [...walkFiles(root, () => false)].map(([name]) => name).sort();
    expect(names).toEqual(vectors.files);
  });

  it.each(Object.keys(vectors.css))('writes %s as Django does', (name) => {
    expect(readFileSync(join(root, name), 'utf8')).toBe(vectors.css[name]);
  });

  // Django lists each directory in the file system's order (os.scandir), reins in sorted order,
  // so entries of the same depth may come in another order; the text is otherwise the same.
  it("writes staticfiles.json in Django's format, with Django's entries", () => {
    const sortEntries = (text: string): string =>
      text.replace(/^\{"paths": \{(.*)\}, "version": "1\.0"\}$/, (_, body: string) => {
        const entries = body.split(/(?<="), (?=")/).sort();
        return `{"paths": {${entries.join(', ')}}, "version": "1.0"}`;
      });
    const mine = readFileSync(join(root, 'staticfiles.json'), 'utf8');
    expect(sortEntries(mine)).toBe(sortEntries(vectors.manifest));
    expect(JSON.parse(mine)).toEqual(JSON.parse(vectors.manifest));
  });

  it('a second run copies nothing and reports the unmodified files', async () => {
    const second = await collectstatic(define('ManifestStaticFilesStorage'), {
      interactive: false,
      compress: false,
    });
    expect(second.summary).toBe(vectors.secondSummary.replace('<STATIC_ROOT>', root));
  });
});

const escapeHtml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;');

function nameOf(template: string): string | null {
  const match = /\{% static '((?:[^'\\]|\\.)*)'/.exec(template);
  return match === null ? null : match[1]!.replaceAll("\\'", "'");
}

describe.each([
  ['manifestStrict', () => define('ManifestStaticFilesStorage')],
  ['manifestLenient', () => define('ManifestStaticFilesStorage', { manifestStrict: false })],
  ['plain', () => define('StaticFilesStorage')],
  ['debug', () => define('ManifestStaticFilesStorage', { debug: true })],
] as const)('staticfiles.url() gives what {%% static %%} gives in Django (%s)', (kind, make) => {
  const cases = vectors.static[kind].filter((entry) => !entry.template.includes(' as u '));
  it.each(
    cases
      .filter((entry) => nameOf(entry.template) !== null)
      .map((entry) => [nameOf(entry.template)!, entry]),
  )('%s', (name, entry) => {
    const staticfiles = make();
    if (entry.error !== undefined) {
      expect(() => staticfiles.url(name)).toThrow(
        entry.error === 'ValueError'
          ? /Missing staticfiles manifest entry|could not be found/
          : /./,
      );
      expect(() => staticfiles.url(name)).toThrow(
        entry.message!.split(' with ')[0]!.replace('<STATIC_ROOT>', root),
      );
    } else {
      expect(escapeHtml(staticfiles.url(name))).toBe(entry.output);
    }
  });
});

describe.each([
  ['manifestStrict', () => define('ManifestStaticFilesStorage')],
  ['manifestLenient', () => define('ManifestStaticFilesStorage', { manifestStrict: false })],
  ['plain', () => define('StaticFilesStorage')],
  ['debug', () => define('ManifestStaticFilesStorage', { debug: true })],
] as const)('{%% load static %%} renders what Django renders (%s)', (kind, make) => {
  it.each(vectors.static[kind].map((entry) => [entry.template, entry] as const))(
    '%s',
    (template, entry) => {
      const engine = new Engine({ libraries: { static: staticLibrary(make()) } });
      const render = (): string => engine.fromString(template).render({});
      if (entry.error !== undefined) {
        expect(render).toThrow(entry.message!.split(' with ')[0]!.replace('<STATIC_ROOT>', root));
      } else {
        expect(render()).toBe(entry.output);
      }
    },
  );
});

describe("{% static %} and {% get_static_prefix %} syntax, as Django's", () => {
  const engine = (): Engine =>
    new Engine({ libraries: { static: staticLibrary(define('StaticFilesStorage')) } });

  it('refuses a static tag without a path, and a prefix tag whose argument is not as', () => {
    expect(() => engine().fromString('{% load static %}{% static %}')).toThrow(
      "'static' takes at least one argument (path to file)",
    );
    expect(() => engine().fromString('{% load static %}{% get_static_prefix x %}')).toThrow(
      "First argument in 'get_static_prefix' must be 'as'",
    );
  });

  it('resolves a variable, inside a loop, sync and async', async () => {
    const template = engine().fromString(
      '{% load static %}{% for f in files %}{% static f as u %}<{{ u }}>{% endfor %}{% get_static_prefix as p %}{{ p }}',
    );
    const expected = '</static/a.css></static/b%20c.png>/static/';
    expect(template.render({ files: ['a.css', 'b c.png'] })).toBe(expected);
    expect(await template.renderAsync({ files: Promise.resolve(['a.css', 'b c.png']) })).toBe(
      expected,
    );
  });
});

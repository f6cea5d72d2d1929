/**
 * `{% extends %}` and `{% block %}` across renders of one engine: Django 3.2.25's output for
 * `fixtures/inheritance-cases.json` (recorded by `fixtures/record-inheritance-cases.py`) on every
 * render path — walked then compiled as a template gets hot, compiled at once, and async — and what
 * a compiled `{% extends %}` or `{% include %}` keeps between renders: the template it found, until
 * the engine's cache is reset (or, in debug mode, the file changes).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Engine, Library, LocmemLoader, type Template } from '../src/index.js';
import { setColdRenders } from '../src/internal/interpret/hot-threshold.js';
import recorded from './fixtures/inheritance.json' with { type: 'json' };

interface Case {
  name: string;
  dirs: Record<string, string>[];
  renders: [string, Record<string, unknown>][];
  expected: ({ output: string } | { error: string; message: string })[];
}

const root = mkdtempSync(join(tmpdir(), 'reins-inheritance-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => setColdRenders(undefined));

/** The recorder's `try` tag: its body, or `ERR` when rendering it throws. */
const trying = new Library().tag('try', (parser) => {
  const body = parser.parse(['endtry']);
  parser.nextToken();
  return {
    render(context) {
      const fail = (): string => 'ERR';
      try {
        const output = context.renderNodes(body);
        return typeof output === 'string' ? output : output.catch(fail);
      } catch {
        return fail();
      }
    },
  };
});

function revive(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && '$raise' in value) {
    const message = String(value.$raise);
    return () => {
      throw new Error(message);
    };
  }
  return value;
}

function engineFor(index: number, { dirs }: Case): Engine {
  const folders = dirs.map((files, i) => {
    const folder = join(root, String(index), String(i));
    for (const [name, source] of Object.entries(files)) {
      mkdirSync(join(folder, name, '..'), { recursive: true });
      writeFileSync(join(folder, name), source);
    }
    return folder;
  });
  return new Engine({ dirs: folders, libraries: { try: trying } });
}

type Outcome = { output: string } | { error: string; message: string };

async function outcome(render: () => string | Promise<string>): Promise<Outcome> {
  try {
    return { output: await render() };
  } catch (error) {
    // reins adds the template, line and column on lines of their own.
    return { error: (error as Error).name, message: (error as Error).message.split('\n')[0]! };
  }
}

const cases = (recorded as unknown as { cases: Case[] }).cases;
const paths = {
  // Each sequence again and again, so that every template is walked, then compiled and hot.
  'walked, then compiled': { cold: undefined, async: false, repeat: 12 },
  compiled: { cold: 0, async: false, repeat: 3 },
  async: { cold: undefined, async: true, repeat: 3 },
} as const;

describe.each(Object.entries(paths))('Django 3.2 inheritance cases, %s', (_path, how) => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, index) => {
    setColdRenders(how.cold);
    const engine = engineFor(index, c);
    for (let round = 0; round < how.repeat; round++) {
      for (const [i, [name, context]] of c.renders.entries()) {
        const values = Object.fromEntries(Object.entries(context).map(([k, v]) => [k, revive(v)]));
        const template = engine.getTemplate(name);
        const got = await outcome(() =>
          how.async ? template.renderAsync(values) : template.render(values),
        );
        expect(got, `${name}, render ${String(i)} of round ${String(round)}`).toEqual(
          c.expected[i],
        );
      }
    }
  });
});

describe('a compiled extends or include keeps what it found', () => {
  const sources = (): Record<string, string> => ({
    'base.html': 'base v1 [{% block b %}{% endblock %}]',
    'part.html': 'part v1',
    'child.html':
      '{% extends "base.html" %}{% block b %}child {% include "part.html" %}{% endblock %}',
  });

  function hot(template: Template): string {
    let output = '';
    for (let i = 0; i < 3; i++) output = template.render();
    return output;
  }

  it('until the engine cache is reset, as Django cached loader', () => {
    setColdRenders(0);
    const templates = sources();
    const engine = new Engine({ loaders: [new LocmemLoader(templates)] });
    const child = engine.getTemplate('child.html');
    expect(hot(child)).toBe('base v1 [child part v1]');
    templates['base.html'] = 'base v2 <{% block b %}{% endblock %}>';
    templates['part.html'] = 'part v2';
    expect(hot(child)).toBe('base v1 [child part v1]');
    engine.resetCache();
    // The child held from before the reset finds the new parent and include too.
    expect(hot(child)).toBe('base v2 <child part v2>');
    expect(hot(engine.getTemplate('child.html'))).toBe('base v2 <child part v2>');
  });

  it('in debug mode, until a source changes', () => {
    setColdRenders(0);
    const templates = sources();
    const engine = new Engine({ loaders: [new LocmemLoader(templates)], debug: true });
    const child = engine.getTemplate('child.html');
    expect(hot(child)).toBe('base v1 [child part v1]');
    templates['base.html'] = 'base v2 <{% block b %}{% endblock %}>';
    expect(hot(child)).toBe('base v2 <child part v1>');
    templates['part.html'] = 'part v2';
    expect(hot(child)).toBe('base v2 <child part v2>');
  });

  it('per engine: what one render path found is not reused by a render through another engine', () => {
    const engines = (): Engine[] => [
      new Engine({ templates: { ...sources(), 'page.html': '{% include t %}' } }),
      new Engine({
        templates: {
          'base.html': 'two [{% block b %}{% endblock %}]',
          'part.html': 'two part',
          'page.html': '{% include t %}',
        },
      }),
    ];
    // An included template object renders with the including render's engine.
    const renders = (cold: number): string[] => {
      setColdRenders(cold);
      const [one, two] = engines();
      const child = one!.getTemplate('child.html');
      hot(child);
      return [one, two, one, two].map((engine) =>
        engine!.getTemplate('page.html').render({ t: child }),
      );
    };
    expect(renders(0)).toEqual(renders(Infinity));
  });

  it('per extends chain: a template reached under another chain looks its parent up again', () => {
    setColdRenders(0);
    const c = cases.find((c) => c.name.startsWith('the same extends finds another parent'))!;
    const engine = engineFor(cases.indexOf(c), c);
    const z = engine.getTemplate('z.html');
    // The y.html that z.html extends (skipping z.html), rendered as z's parent and on its own.
    const y = engine.findTemplate('y.html', [z.origin!.name]);
    const outputs = [z, y, z, y, z, y].map((t) => t.render());
    expect(outputs).toEqual(Array.from({ length: 3 }, () => ['(z2 z1 y1 )', '(y2 y1 z1 )']).flat());
  });

  it('extends a template object or a backend template without a lookup', () => {
    setColdRenders(0);
    const engine = new Engine({
      templates: { 'child.html': '{% extends p %}{% block b %}c{% endblock %}' },
    });
    const one = engine.fromString('one({% block b %}{% endblock %})');
    const two = engine.fromString('two({% block b %}{% endblock %})');
    const child = engine.getTemplate('child.html');
    const outputs = [one, { template: two }, one, 'x'].map((p) => {
      try {
        return child.render({ p });
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(outputs).toEqual(['one(c)', 'two(c)', 'one(c)', 'TemplateDoesNotExist']);
  });
});

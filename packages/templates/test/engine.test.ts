import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AppDirectoriesLoader,
  Engine,
  FileSystemLoader,
  LocmemLoader,
  onTemplateRendered,
  TemplateDoesNotExist,
  TemplateRecursionError,
  TemplateSyntaxError,
  VariableDoesNotExist,
} from '../src/index.js';
import { testReverse } from './test-reverse.js';

const root = mkdtempSync(join(tmpdir(), 'reins-templates-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

describe('loaders', () => {
  write('one/page.html', 'one:{% include "part.html" %}');
  write('two/page.html', 'two');
  write('two/part.html', 'part from two');
  write('apps/blog/templates/blog/list.html', 'blog list');
  write('secret.html', 'secret');

  it('searches dirs in order and includes across them', () => {
    const engine = new Engine({ dirs: [join(root, 'one'), join(root, 'two')] });
    expect(engine.getTemplate('page.html').render()).toBe('one:part from two');
  });

  it('lists every path tried in TemplateDoesNotExist', () => {
    const engine = new Engine({
      dirs: [join(root, 'one'), join(root, 'two')],
      templates: { 'x.html': '' },
    });
    let error: unknown;
    try {
      engine.getTemplate('missing.html');
    } catch (e) {
      error = e;
    }
    expect(TemplateDoesNotExist.isInstance(error)).toBe(true);
    const tried = (error as TemplateDoesNotExist).tried;
    expect(tried).toEqual([
      'locmem:missing.html (Source does not exist)',
      `${join(root, 'one', 'missing.html')} (Source does not exist)`,
      `${join(root, 'two', 'missing.html')} (Source does not exist)`,
    ]);
    expect((error as Error).message).toContain(join(root, 'two', 'missing.html'));
    expect((error as TemplateDoesNotExist).code).toBe('templates.template_does_not_exist');
  });

  it('never reads outside a template directory', () => {
    const engine = new Engine({ dirs: [join(root, 'one')] });
    expect(() => engine.getTemplate('../secret.html')).toThrow(TemplateDoesNotExist);
    expect(new FileSystemLoader([join(root, 'one')]).getTemplateSources('../secret.html')).toEqual(
      [],
    );
  });

  it('loads from application template folders', () => {
    const engine = new Engine({ appDirs: [join(root, 'apps', 'blog')] });
    expect(engine.getTemplate('blog/list.html').render()).toBe('blog list');
    expect(new AppDirectoriesLoader([join(root, 'apps', 'blog')]).dirs).toEqual([
      join(root, 'apps', 'blog', 'templates'),
    ]);
  });

  it('caches compiled templates, and reloads changed files in debug mode', () => {
    const path = write('reload/t.html', 'v1');
    const cached = new Engine({ dirs: [join(root, 'reload')] });
    const debug = new Engine({ dirs: [join(root, 'reload')], debug: true });
    expect(cached.getTemplate('t.html')).toBe(cached.getTemplate('t.html'));
    expect(debug.getTemplate('t.html').render()).toBe('v1');
    writeFileSync(path, 'v2');
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(cached.getTemplate('t.html').render()).toBe('v1');
    expect(debug.getTemplate('t.html').render()).toBe('v2');
    cached.resetCache();
    expect(cached.getTemplate('t.html').render()).toBe('v2');
  });

  it('rejects a non-array dirs or appDirs with a clear error', () => {
    expect(() => new Engine({ appDirs: true as unknown as string[] })).toThrow(
      /appDirs must be an array/,
    );
  });

  it('takes explicit loaders', () => {
    const engine = new Engine({ loaders: [new LocmemLoader({ 'a.html': 'A' })] });
    expect(engine.getTemplate('a.html').render()).toBe('A');
    expect(() => new Engine({ loaders: [], dirs: ['x'] })).toThrow(/cannot be combined/);
  });

  it('selectTemplate picks the first existing name and rejects a plain string', () => {
    const engine = new Engine({ templates: { 'b.html': 'B' } });
    expect(engine.selectTemplate(['a.html', 'b.html']).render()).toBe('B');
    expect(() => engine.selectTemplate('b.html' as unknown as string[])).toThrow(TypeError);
    expect(() => engine.selectTemplate([])).toThrow(/No template names provided/);
    expect(() => engine.selectTemplate(['x.html', 'y.html'])).toThrow(/x\.html, y\.html/);
  });
});

describe('errors', () => {
  it('TemplateSyntaxError names the template, line and column and shows the line', () => {
    const engine = new Engine({ templates: { 'bad.html': 'line one\n  ok {% if %}\nthree' } });
    let error: unknown;
    try {
      engine.getTemplate('bad.html');
    } catch (e) {
      error = e;
    }
    expect(TemplateSyntaxError.isInstance(error)).toBe(true);
    const syntax = error as TemplateSyntaxError;
    expect(syntax.templateName).toBe('bad.html');
    expect(syntax.line).toBe(2);
    expect(syntax.column).toBe(6);
    expect(syntax.sourceLine).toBe('  ok {% if %}');
    expect(syntax.djangoMessage).toBe('Unexpected end of expression in if tag.');
    expect(syntax.message).toContain("in template 'bad.html', line 2, column 6");
    expect(syntax.message).toContain('       ^');
  });

  it('reports Django messages for block structure errors', () => {
    const engine = new Engine();
    const message = (source: string): string => {
      try {
        engine.fromString(source);
      } catch (error) {
        return (error as TemplateSyntaxError).djangoMessage;
      }
      return '';
    };
    expect(message('{% if a %}x')).toBe(
      "Unclosed tag on line 1: 'if'. Looking for one of: elif, else, endif.",
    );
    expect(message('{% for x in y %}{% endif %}')).toBe(
      "Invalid block tag on line 1: 'endif', expected 'empty' or 'endfor'. Did you forget to register or load this tag?",
    );
    expect(message('\n{% nope %}')).toBe(
      "Invalid block tag on line 2: 'nope'. Did you forget to register or load this tag?",
    );
    expect(message('{{ a|nofilter }}')).toBe("Invalid filter: 'nofilter'");
    expect(message('{{ a b }}')).toBe("Could not parse the remainder: ' b' from 'a b'");
    expect(message('{% filter escape %}{% endfilter %}')).toBe(
      '"filter escape" is not permitted.  Use the "autoescape" tag instead.',
    );
    expect(message('{% load nope %}')).toBe(
      "'nope' is not a registered tag library. Must be one of:\n",
    );
  });

  it('strict mode names the missing variable, template, line and column', () => {
    const engine = new Engine({ strict: true, templates: { 's.html': 'Hi\n  {{ user.nmae }}' } });
    let error: unknown;
    try {
      engine.getTemplate('s.html').render({ user: { name: 'x' } });
    } catch (e) {
      error = e;
    }
    expect(VariableDoesNotExist.isInstance(error)).toBe(true);
    const missing = error as VariableDoesNotExist;
    expect([missing.variable, missing.templateName, missing.line, missing.column]).toEqual([
      'user.nmae',
      's.html',
      2,
      3,
    ]);
    // Tags that test for existence keep Django's None.
    expect(engine.fromString('{% if nope %}y{% else %}n{% endif %}').render()).toBe('n');
  });

  it('stringIfInvalid replaces missing variables and skips their filters', () => {
    const engine = new Engine({ stringIfInvalid: 'INVALID(%s)' });
    expect(engine.fromString('{{ missing|upper }}|{{ a.b }}').render({ a: {} })).toBe(
      'INVALID(missing)|INVALID(a.b)',
    );
  });

  it('detects include loops and extends loops', () => {
    const engine = new Engine({
      templates: {
        'loop.html': '{% include "loop.html" %}',
        'self.html': '{% extends "self.html" %}',
      },
      maxDepth: 20,
    });
    expect(() => engine.getTemplate('loop.html').render()).toThrow(TemplateRecursionError);
    try {
      engine.getTemplate('loop.html').render();
    } catch (error) {
      expect((error as TemplateRecursionError).chain).toHaveLength(22);
    }
    expect(() => engine.getTemplate('self.html').render()).toThrow(/Skipped to avoid recursion/);
  });

  it('bounds extends chains of distinct templates', () => {
    const templates: Record<string, string> = {};
    for (let i = 0; i < 30; i++)
      templates[`t${String(i)}.html`] = `{% extends "t${String(i + 1)}.html" %}`;
    templates['t30.html'] = 'end';
    expect(new Engine({ templates }).getTemplate('t0.html').render()).toBe('end');
    expect(() => new Engine({ templates, maxDepth: 10 }).getTemplate('t0.html').render()).toThrow(
      TemplateRecursionError,
    );
  });

  it('lets a template extend another of the same name from a later directory', () => {
    write(
      'layer1/page.html',
      '{% extends "page.html" %}{% block b %}child+{{ block.super }}{% endblock %}',
    );
    write('layer2/page.html', '[{% block b %}base{% endblock %}]');
    const engine = new Engine({ dirs: [join(root, 'layer1'), join(root, 'layer2')] });
    expect(engine.getTemplate('page.html').render()).toBe('[child+base]');
  });
});

describe('rendering', () => {
  it('awaits promises, async callables and async iterables in renderAsync', async () => {
    const engine = new Engine();
    const template = engine.fromString(
      '{{ a }} {{ user.name }} {% for x in stream %}{{ x }}{% endfor %} {{ obj.load }}',
    );
    const context = {
      a: Promise.resolve('A'),
      user: Promise.resolve({ name: 'Ann' }),
      stream: (async function* () {
        await Promise.resolve(); // a source's items arrive asynchronously
        yield 1;
        yield 2;
      })(),
      obj: { load: () => Promise.resolve('L') },
    };
    expect(await template.renderAsync(context)).toBe('A Ann 12 L');
    let error: unknown;
    try {
      template.render({ a: Promise.resolve('A') });
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).toBe('templates.async_context');
  });

  it('runs context processors when a request is given, below the caller context', () => {
    const engine = new Engine({
      contextProcessors: [
        (request) => ({ path: (request as { path: string }).path, who: 'processor' }),
      ],
    });
    const template = engine.fromString('{{ path }}/{{ who }}');
    expect(template.render({ who: 'caller' }, { path: '/x' })).toBe('/x/caller');
    expect(template.render({})).toBe('/');
  });

  it('reverses {% url %} with the engine reverse, the render option, and the current app', () => {
    const calls: unknown[] = [];
    const reverse = (name: string, options: object): string => {
      calls.push([name, options]);
      return testReverse(name, options);
    };
    const engine = new Engine({ reverse });
    const request = { resolverMatch: { namespace: 'blog' } };
    expect(engine.fromString("{% url 'detail' pk=3 %}").render({}, request)).toBe('/article/3');
    expect(calls[0]).toEqual(['detail', { currentApp: 'blog', kwargs: { pk: 3 } }]);
    expect(
      engine.fromString("{% url 'home' %}").render({}, undefined, { reverse: () => '/other/' }),
    ).toBe('/other/');
    expect(engine.fromString("{% url 'nope' as u %}[{{ u }}]").render()).toBe('[]');
    expect(() => new Engine().fromString("{% url 'home' %}").render()).toThrow(
      /needs a reverse function/,
    );
  });

  it('calls onTemplateRendered for every template, including parents and includes', () => {
    const engine = new Engine({
      templates: {
        'base.html': '{% block a %}{% endblock %}',
        'inc.html': 'i',
        'page.html': '{% extends "base.html" %}{% block a %}{% include "inc.html" %}{% endblock %}',
      },
    });
    const names: string[] = [];
    const stop = onTemplateRendered(({ name, context }) => {
      names.push(name);
      expect(context['x']).toBe(1);
    });
    engine.getTemplate('page.html').render({ x: 1 });
    stop();
    engine.getTemplate('page.html').render({ x: 1 });
    expect(names).toEqual(['page.html', 'base.html', 'inc.html']);
  });

  it('renders a per-render autoescape override', () => {
    const engine = new Engine();
    expect(engine.fromString('{{ x }}').render({ x: '<' }, undefined, { autoescape: false })).toBe(
      '<',
    );
  });
});

describe('lookups are safe', () => {
  const engine = new Engine();
  const render = (source: string, context: Record<string, unknown>): string =>
    engine.fromString(source).render(context);

  it('never reaches Object.prototype, constructors or prototypes', () => {
    const context = {
      obj: { a: 1 },
      list: [1, 2],
      fn: Object.assign(() => 'called', { doNotCallInTemplates: true }),
    };
    expect(
      render(
        '[{{ obj.constructor }}][{{ obj.toString }}][{{ obj.hasOwnProperty }}][{{ obj.valueOf }}]',
        context,
      ),
    ).toBe('[][][][]');
    expect(
      render(
        '[{{ constructor }}][{{ toString }}][{{ list.constructor }}][{{ list.map }}][{{ list.pop }}]',
        context,
      ),
    ).toBe('[][][][][]');
    expect(
      render('[{{ fn.prototype }}][{{ fn.call }}][{{ fn.bind }}][{{ fn.constructor }}]', context),
    ).toBe('[][][][]');
    expect(render('[{{ obj.constructor.constructor }}]', context)).toBe('[]');
    expect(() => render('{{ obj.__proto__ }}', context)).toThrow(TemplateSyntaxError);
    expect(context.list).toEqual([1, 2]);
  });

  it('still finds own keys named like Object.prototype members, and class members', () => {
    class User {
      first = 'Ann';
      get name(): string {
        return this.first.toUpperCase();
      }
      greet(): string {
        return `hi ${this.first}`;
      }
      toString(): string {
        return 'user';
      }
    }
    expect(
      render('{{ d.constructor }} {{ d.toString }} {{ u.name }} {{ u.greet }} {{ u.toString }}', {
        d: { constructor: 'own', toString: 'str' },
        u: new User(),
      }),
    ).toBe('own str ANN hi Ann user');
  });

  it('calls callables unless marked, and hides altersData ones', () => {
    const remove = Object.assign(() => 'deleted', { altersData: true });
    function rawFunction(): string {
      return 'x';
    }
    const raw = Object.assign(rawFunction, { doNotCallInTemplates: true });
    expect(
      render('[{{ f }}][{{ remove }}][{{ raw.name }}]', { f: () => 'called', remove, raw }),
    ).toBe('[called][][rawFunction]');
  });

  it('looks up Map keys before anything else, and dict methods on plain objects', () => {
    const map = new Map<unknown, unknown>([
      ['size', 'key'],
      [1, 'one'],
    ]);
    expect(
      render('{{ m.size }} {{ m.1 }} {% for k, v in d.items %}{{ k }}{{ v }}{% endfor %}', {
        m: map,
        d: { a: 1 },
      }),
    ).toBe('key one a1');
  });
});

describe('template names cannot reach prototypes through bindings', () => {
  it('treats __proto__ as an ordinary name in with, include and block maps', () => {
    const engine = new Engine({ templates: { 'p.html': '[{{ x.polluted }}]' } });
    const output = engine
      .fromString(
        '{% with __proto__=evil %}{% include "p.html" with __proto__=evil %}{% endwith %}{% block __proto__ %}b{% endblock %}',
      )
      .render({ evil: { polluted: 'yes' } });
    expect(output).toBe('[]b');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('syntax errors raised while rendering', () => {
  it('carry the location of the tag that raised them', () => {
    const engine = new Engine({
      templates: { 'w.html': 'a\n {% widthratio 1 2 x %}', 'e.html': '{% extends v %}' },
    });
    let error: unknown;
    try {
      engine.getTemplate('w.html').render({ x: 'abc' });
    } catch (e) {
      error = e;
    }
    expect(TemplateSyntaxError.isInstance(error)).toBe(true);
    expect([
      (error as TemplateSyntaxError).templateName,
      (error as TemplateSyntaxError).line,
    ]).toEqual(['w.html', 2]);
    expect(() => engine.getTemplate('e.html').render({ v: '' })).toThrow(
      /Got this from the 'v' variable[\s\S]*e\.html/,
    );
    expect(() =>
      engine.fromString('{% block a %}{{ block.super }}{% endblock %}').render(),
    ).toThrow(/line 1, column 14/);
  });
});

describe('pathological templates', () => {
  it('fail with TemplateSyntaxError, never a stack overflow', () => {
    const engine = new Engine();
    const deep = (n: number): string =>
      '{% for x in l %}'.repeat(n) + 'z' + '{% endfor %}'.repeat(n);
    expect(engine.fromString(deep(200)).render({ l: [1] })).toBe('z');
    expect(() => engine.fromString(deep(5000))).toThrow(/nested more than 200 levels/);
    expect(() => engine.fromString(`{{ x${'|upper'.repeat(5000)} }}`)).toThrow(TemplateSyntaxError);
    expect(() => engine.fromString(`{% if ${'not '.repeat(5000)}a %}{% endif %}`)).toThrow(
      TemplateSyntaxError,
    );
  });
});

describe('very large templates', () => {
  it('compile sync and async, or fail with TemplateSyntaxError, never crash the process', async () => {
    const engine = new Engine();
    const big = engine.fromString('{{ a }}-'.repeat(15_000));
    expect(big.render({ a: 1 })).toHaveLength(30_000);
    expect(await big.renderAsync({ a: 1 })).toHaveLength(30_000);
    const huge = engine.fromString('{{ a }}-'.repeat(40_000));
    expect(() => huge.render({ a: 1 })).toThrow(/too large to compile/);
    await expect(huge.renderAsync({ a: 1 })).rejects.toThrow(TemplateSyntaxError);
    // Compiling 55,000 nodes takes seconds when the whole repository's tests share two cores.
  }, 120_000);
});

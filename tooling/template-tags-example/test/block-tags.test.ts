import { Engine, Library, TemplateSyntaxError } from '@reins/templates';
import { describe, expect, it } from 'vitest';
import { fragmentsLibrary, type FragmentCache } from '../src/index.js';

/** A Map-backed cache, sync or answering with promises; `renders` counts misses. */
function memoryCache(async: boolean): FragmentCache & { store: Map<string, string> } {
  const store = new Map<string, string>();
  const answer = <T>(value: T): T | Promise<T> => (async ? Promise.resolve(value) : value);
  return {
    store,
    get: (key) => answer(store.get(key)),
    set: (key, value) => {
      store.set(key, value);
      return answer(undefined);
    },
  };
}

function engineWith(cache: FragmentCache, templates: Record<string, string> = {}): Engine {
  return new Engine({ templates, libraries: { fragments: fragmentsLibrary(cache) } });
}

describe('{% cache %} from another package', () => {
  it('renders the body once, then returns the cached text (sync render, sync cache)', () => {
    const cache = memoryCache(false);
    const template = engineWith(cache).fromString(
      '{% load fragments %}[{% cache 60 greeting %}Hi {{ name }}{% endcache %}]',
    );
    expect(template.render({ name: '<Ann>' })).toBe('[Hi &lt;Ann&gt;]');
    expect(template.render({ name: 'Bob' })).toBe('[Hi &lt;Ann&gt;]');
    expect(cache.store.get('template.cache.greeting.')).toBe('Hi &lt;Ann&gt;');
  });

  it('awaits an async cache and promises in the body under renderAsync()', async () => {
    const cache = memoryCache(true);
    const template = engineWith(cache).fromString(
      '{% load fragments %}{% cache 60 user id %}{{ user.name }}{% endcache %}',
    );
    const user = { name: Promise.resolve('Ann') };
    expect(await template.renderAsync({ id: 1, user })).toBe('Ann');
    expect(await template.renderAsync({ id: 1, user: { name: 'other' } })).toBe('Ann');
    expect(await template.renderAsync({ id: 2, user: { name: 'Bob' } })).toBe('Bob');
  });

  it('fails a sync render whose cache answers with a promise, naming renderAsync()', () => {
    const template = engineWith(memoryCache(true)).fromString(
      '{% load fragments %}{% cache 1 x %}body{% endcache %}',
    );
    expect(() => template.render()).toThrow(/renderAsync\(\)/);
  });

  it('varies on loop variables inside {% for %} and {% if %}', () => {
    const cache = memoryCache(false);
    const template = engineWith(cache).fromString(
      '{% load fragments %}{% for x in items %}{% if x %}{% cache 60 row x %}<{{ x }}:{{ forloop.counter }}>{% endcache %}{% endif %}{% endfor %}',
    );
    expect(template.render({ items: ['a', '', 'b', 'a'] })).toBe('<a:1><b:3><a:1>');
    expect([...cache.store.keys()].sort()).toEqual([
      'template.cache.row.a',
      'template.cache.row.b',
    ]);
  });

  it('nests inside itself, sync and async', async () => {
    const source =
      '{% load fragments %}{% cache 60 outer %}({% cache 60 inner n %}{{ n }}{% endcache %}){% endcache %}';
    const sync = engineWith(memoryCache(false)).fromString(source);
    expect(sync.render({ n: 1 })).toBe('(1)');
    expect(sync.render({ n: 2 })).toBe('(1)');
    const cache = memoryCache(true);
    const async = engineWith(cache).fromString(source);
    expect(await async.renderAsync({ n: Promise.resolve(3) })).toBe('(3)');
    expect([...cache.store.keys()].sort()).toEqual([
      'template.cache.inner.3',
      'template.cache.outer.',
    ]);
  });

  it('works in {% block %} with {% extends %} and block.super, sync and async', async () => {
    const engine = engineWith(memoryCache(false), {
      'base.html':
        '{% load fragments %}<{% block main %}{% cache 60 base %}base {{ v }}{% endcache %}{% endblock %}>',
      'child.html':
        '{% extends "base.html" %}{% load fragments %}{% block main %}{% cache 60 child v %}[{{ block.super }}|{{ v }}]{% endcache %}{% endblock %}',
    });
    const child = engine.getTemplate('child.html');
    expect(child.render({ v: 1 })).toBe('<[base 1|1]>');
    expect(child.render({ v: 2 })).toBe('<[base 1|2]>');
    expect(await child.renderAsync({ v: Promise.resolve(2) })).toBe('<[base 1|2]>');
  });

  it('holds a {% block %} that a child template overrides', async () => {
    const engine = engineWith(memoryCache(false), {
      'base.html':
        '{% load fragments %}{% cache 60 layout v %}<{% block main %}base{% endblock %}>{% endcache %}',
      'child.html':
        '{% extends "base.html" %}{% block main %}child {{ v }} {{ block.super }}{% endblock %}',
    });
    expect(engine.getTemplate('child.html').render({ v: 1 })).toBe('<child 1 base>');
    expect(engine.getTemplate('base.html').render({ v: 1 })).toBe('<child 1 base>');
    expect(await engine.getTemplate('base.html').renderAsync({ v: 2 })).toBe('<base>');
  });

  it('is unknown until loaded, and loads by name with {% load cache from fragments %}', () => {
    const engine = engineWith(memoryCache(false));
    expect(() => engine.fromString('{% cache 1 x %}{% endcache %}')).toThrow(
      "Invalid block tag on line 1: 'cache'. Did you forget to register or load this tag?",
    );
    const template = engine.fromString(
      '{% load cache from fragments %}{% cache 1 x %}ok{% endcache %}',
    );
    expect(template.render()).toBe('ok');
    expect(() => engine.fromString('{% load cache from fragments %}{% static "a" %}')).toThrow(
      /Invalid block tag on line 1: 'static'/,
    );
  });

  it('reports its own syntax errors and unclosed bodies at the tag', () => {
    const engine = engineWith(memoryCache(false));
    let error: unknown;
    try {
      engine.fromString('{% load fragments %}\n{% cache 1 %}x{% endcache %}');
    } catch (caught) {
      error = caught;
    }
    expect(TemplateSyntaxError.isInstance(error)).toBe(true);
    expect((error as TemplateSyntaxError).djangoMessage).toBe(
      "'cache' tag requires at least 2 arguments.",
    );
    expect((error as TemplateSyntaxError).line).toBe(2);
    expect(() =>
      engine.fromString('{% load fragments %}{% cache 1 x %}{% if a %}{% endif %}'),
    ).toThrow("Unclosed tag on line 1: 'cache'. Looking for one of: endcache.");
  });
});

describe('{% switch %}: intermediate tags', () => {
  const engine = engineWith(memoryCache(false));
  const template = engine.fromString(
    '{% load fragments %}{% for x in xs %}{% switch x %}ignored{% case "a" %}A{% case b %}B={{ b }}{% else %}?{{ x }}{% endswitch %},{% endfor %}',
  );

  it('renders the matching case or else, sync and async', async () => {
    expect(template.render({ xs: ['a', 'q', 'z'], b: 'q' })).toBe('A,B=q,?z,');
    expect(await template.renderAsync({ xs: Promise.resolve(['z', 'a']), b: 'q' })).toBe('?z,A,');
  });

  it('rejects else before a case', () => {
    expect(() =>
      engine.fromString('{% load fragments %}{% switch x %}{% else %}{% case 1 %}{% endswitch %}'),
    ).toThrow("'else' must be the last branch of 'switch'.");
  });
});

describe('{% static %}: an assignment tag', () => {
  const engine = engineWith(memoryCache(false));

  it('outputs the URL escaped, or stores it with as', () => {
    expect(engine.fromString('{% load fragments %}{% static "a&b.css" %}').render()).toBe(
      '/static/a&amp;b.css',
    );
    const stored = engine.fromString(
      '{% load fragments %}{% for f in files %}{% static f as url %}<{{ url }}>{% endfor %}[{{ url }}]',
    );
    expect(stored.render({ files: ['x.js', 'y.js'] })).toBe('</static/x.js></static/y.js>[]');
  });

  it('resolves a promised path under renderAsync()', async () => {
    const template = engine.fromString('{% load fragments %}{% static path as url %}{{ url }}');
    expect(await template.renderAsync({ path: Promise.resolve('z.png') })).toBe('/static/z.png');
  });
});

it('a tag whose compile function returns no node fails with the tag named', () => {
  const library = new Library().tag('broken', () => undefined as never);
  const engine = new Engine({ libraries: { broken: library } });
  expect(() => engine.fromString('{% load broken %}{% broken %}')).toThrow(
    "The compile function of tag 'broken' returned undefined; return a node object with a render(context) method.",
  );
});

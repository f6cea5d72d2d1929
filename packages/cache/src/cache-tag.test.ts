import { Engine, TemplateSyntaxError } from '@reins/templates';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheLibrary } from './cache-tag.js';
import { caches, configureCaches } from './caches.js';
import { makeTemplateFragmentKey } from './make-template-fragment-key.js';

function engine(templates: Record<string, string> = {}): Engine {
  return new Engine({ templates, libraries: { cache: cacheLibrary } });
}

describe('{% cache %}', () => {
  beforeEach(async () => {
    configureCaches({
      default: { backend: 'locmem', location: 'tag-default' },
      other: { backend: 'locmem', location: 'tag-other' },
    });
    await caches.get().clear();
    await caches.get('other').clear();
  });
  afterEach(() => {
    configureCaches({ default: { backend: 'locmem' } });
  });

  it("renders the body once and stores it under Django's key (sync render, local memory)", async () => {
    const template = engine().fromString(
      '{% load cache %}[{% cache 500 sidebar user.username %}Hi {{ user.username }}{% endcache %}]',
    );
    expect(template.render({ user: { username: '<ann>' } })).toBe('[Hi &lt;ann&gt;]');
    expect(template.render({ user: { username: '<ann>', changed: true } })).toBe(
      '[Hi &lt;ann&gt;]',
    );
    expect(template.render({ user: { username: 'bob' } })).toBe('[Hi bob]');
    expect(await caches.get().get(makeTemplateFragmentKey('sidebar', ['<ann>']))).toBe(
      'Hi &lt;ann&gt;',
    );
  });

  it('works under renderAsync(), awaiting promises in the vary-on values and the body', async () => {
    const template = engine().fromString(
      '{% load cache %}{% cache 60 user id %}{{ user.name }}{% endcache %}',
    );
    expect(
      await template.renderAsync({
        id: Promise.resolve(1),
        user: { name: Promise.resolve('Ann') },
      }),
    ).toBe('Ann');
    expect(await template.renderAsync({ id: 1, user: { name: 'other' } })).toBe('Ann');
    expect(await template.renderAsync({ id: 2, user: { name: 'Bob' } })).toBe('Bob');
  });

  it('uses the cache named by using=, the template_fragments cache when there is one, else default', async () => {
    const template = engine().fromString(
      '{% load cache %}{% cache 60 a using="other" %}x{% endcache %}{% cache 60 b %}y{% endcache %}',
    );
    expect(await template.renderAsync()).toBe('xy');
    expect(await caches.get('other').has(makeTemplateFragmentKey('a'))).toBe(true);
    expect(await caches.get().has(makeTemplateFragmentKey('b'))).toBe(true);
    configureCaches({
      default: { backend: 'locmem', location: 'tag-default' },
      template_fragments: { backend: 'locmem', location: 'tag-fragments' },
    });
    await caches.get('template_fragments').clear();
    await engine().fromString('{% load cache %}{% cache 60 c %}z{% endcache %}').renderAsync();
    expect(await caches.get('template_fragments').has(makeTemplateFragmentKey('c'))).toBe(true);
  });

  it('keeps a fragment per loop iteration when it varies on the loop variable', () => {
    const template = engine().fromString(
      '{% load cache %}{% for item in items %}{% cache 60 row item.id %}{{ item.name }};{% endcache %}{% endfor %}',
    );
    expect(
      template.render({
        items: [
          { id: 1, name: 'a' },
          { id: 2, name: 'b' },
        ],
      }),
    ).toBe('a;b;');
    expect(
      template.render({
        items: [
          { id: 2, name: 'B' },
          { id: 3, name: 'c' },
        ],
      }),
    ).toBe('b;c;');
  });

  it('a timeout of None caches forever; 0 does not keep the fragment', () => {
    const template = engine().fromString('{% load cache %}{% cache t f %}{{ n }}{% endcache %}');
    expect(template.render({ t: 0, n: 1 })).toBe('1');
    expect(template.render({ t: 0, n: 2 })).toBe('2');
    expect(template.render({ t: null, n: 3 })).toBe('3');
    expect(template.render({ t: null, n: 4 })).toBe('3');
  });

  it("gives Django's errors", () => {
    expect(() => engine().fromString('{% load cache %}{% cache 60 %}x{% endcache %}')).toThrow(
      "''cache'' tag requires at least 2 arguments.",
    );
    expect(() => engine().fromString('{% load cache %}{% cache 60 x %}')).toThrow(
      TemplateSyntaxError,
    );
    expect(() =>
      engine().fromString('{% load cache %}{% cache "soon" f %}x{% endcache %}').render(),
    ).toThrow(`"cache" tag got a non-integer timeout value: 'soon'`);
    expect(() =>
      engine().fromString('{% load cache %}{% cache missing f %}x{% endcache %}').render(),
    ).toThrow(`"cache" tag got a non-integer timeout value: ''`);
    expect(() =>
      engine().fromString('{% load cache %}{% cache 1 f a using="nope" %}x{% endcache %}').render(),
    ).toThrow("Invalid cache name specified for cache tag: 'nope'");
  });

  it('works inside a block overridden by a child template', () => {
    const templates = {
      'base.html':
        '{% load cache %}<aside>{% cache 60 side %}{% block side %}base{% endblock %}{% endcache %}</aside>',
      'child.html': '{% extends "base.html" %}{% block side %}child {{ n }}{% endblock %}',
    };
    const child = engine(templates).getTemplate('child.html');
    expect(child.render({ n: 1 })).toBe('<aside>child 1</aside>');
    expect(child.render({ n: 2 })).toBe('<aside>child 1</aside>');
  });
});

describe('makeTemplateFragmentKey', () => {
  it("hashes Python's str() of lists, floats, None and dicts as Django 3.2 does", () => {
    // Recorded: make_template_fragment_key('sidebar', [[1, 'a'], 1.5, None, {'k': True}])
    expect(makeTemplateFragmentKey('sidebar', [[1, 'a'], 1.5, null, { k: true }])).toBe(
      'template.cache.sidebar.5cbd3d7d9088f61b10456a0d299f720b',
    );
  });
});

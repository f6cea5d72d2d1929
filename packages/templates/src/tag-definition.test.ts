import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { Library } from './library.js';
import type { TagExpression } from './tag-definition.js';

/** `{% upper %}…{% endupper %}`, sync or async like the TagCompileFunction example. */
const upper = new Library().tag('upper', (parser) => {
  const body = parser.parse(['endupper']);
  parser.nextToken();
  return {
    render(context) {
      const text = context.renderNodes(body);
      return typeof text === 'string' ? text.toUpperCase() : text.then((t) => t.toUpperCase());
    },
  };
});

describe('Library.tag()', () => {
  const engine = new Engine({ libraries: { upper } });

  it('renders a block tag whose body sees loop and with variables, sync and async', async () => {
    const template = engine.fromString(
      '{% load upper %}{% for x in xs %}{% with y=x|add:"!" %}{% upper %}{{ x }}{{ y }}{{ forloop.counter }}{% endupper %}{% endwith %}{% endfor %}',
    );
    expect(template.render({ xs: ['a', 'b'] })).toBe('AA!1BB!2');
    expect(await template.renderAsync({ xs: Promise.resolve(['c']) })).toBe('CC!1');
  });

  it('keeps the sync render synchronous: the tag sees strings, not promises', () => {
    const seen: unknown[] = [];
    const library = new Library().tag('probe', (parser, token) => {
      const value = parser.compileFilter(token.splitContents()[1]!);
      return {
        render(context) {
          seen.push(context.isAsync, context.resolve(value));
          return '';
        },
      };
    });
    new Engine({ libraries: { library } })
      .fromString('{% load library %}{% probe v|upper %}')
      .render({ v: 'x' });
    expect(seen).toEqual([false, 'X']);
  });

  it('runs the README cache example under renderAsync()', async () => {
    const store = new Map<string, string>();
    const cache = {
      get: (key: string) => Promise.resolve(store.get(key)),
      set: (key: string, value: string, _timeout: number) =>
        Promise.resolve(void store.set(key, value)),
    };
    const library = new Library();
    library.tag('cache', (parser, token) => {
      const bits = token.splitContents();
      if (bits.length < 3) throw parser.error(`'cache' tag requires at least 2 arguments.`);
      const timeout = parser.compileFilter(bits[1]!);
      const varyOn = bits.slice(3).map((bit) => parser.compileFilter(bit));
      const body = parser.parse(['endcache']);
      parser.nextToken();
      return {
        async render(context) {
          const key = `${bits[2]!}:${(await Promise.all(varyOn.map((v) => context.resolve(v)))).join(':')}`;
          const cached = await cache.get(key);
          if (cached !== undefined) return cached;
          const text = await context.renderNodes(body);
          await cache.set(key, text, Number(await context.resolve(timeout)));
          return text;
        },
      };
    });
    const template = new Engine({ libraries: { cache: library } }).fromString(
      '{% load cache %}{% cache 60 card id %}<{{ name }}>{% endcache %}',
    );
    expect(await template.renderAsync({ id: 1, name: 'Ann' })).toBe('<Ann>');
    expect(await template.renderAsync({ id: 1, name: 'Bob' })).toBe('<Ann>');
    expect(store.get('card:1')).toBe('<Ann>');
    expect(() => template.render({ id: 2, name: 'Cy' })).toThrow(/renderAsync\(\)/);
  });

  it('reads variables visible at the tag with get() and flatten(), loop variables included', () => {
    const library = new Library().tag('peek', () => ({
      render: (context) =>
        `${String(context.get('x'))}/${String(context.get('top'))}/${String(context.get('nope'))}/${Object.keys(context.flatten()).sort().join(',')}`,
    }));
    const template = new Engine({ libraries: { library } }).fromString(
      '{% load library %}{% for x in xs %}{% peek %};{% endfor %}',
    );
    expect(template.render({ xs: [1, 2], top: 'T' })).toBe(
      '1/T/undefined/forloop,top,x,xs;2/T/undefined/forloop,top,x,xs;',
    );
  });

  it('rejects an expression or body that another tag compiled', () => {
    let stolen: TagExpression | undefined;
    const library = new Library().tag('thief', (parser, token) => {
      const mine = parser.compileFilter(token.splitContents()[1]!);
      const victim = stolen;
      stolen ??= mine;
      return { render: (context) => context.resolve(victim ?? mine) };
    });
    const template = new Engine({ libraries: { library } }).fromString(
      '{% load library %}{% thief a %}{% thief b %}',
    );
    expect(() => template.render({ a: 1, b: 2 })).toThrow(
      "Tag 'thief' resolved an expression it did not compile: resolve only what this tag's parser.compileFilter() returned.",
    );
  });

  it('locates parser.error() at the tag', () => {
    const library = new Library().tag('strict', (parser) => {
      throw parser.error('strict takes no body');
    });
    expect(() =>
      new Engine({ libraries: { library } }).fromString('{% load library %}\n  {% strict %}'),
    ).toThrow(/strict takes no body\n {2}in template '<string>', line 2, column 3/);
  });
});

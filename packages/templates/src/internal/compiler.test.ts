import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.js';
import { setColdRenders } from './interpret/hot-threshold.js';
import { markSafe } from '@reins/core';

/** The generated source of a template (captured from `new Function`). */
function generatedSource(source: string): string {
  const original = globalThis.Function;
  let captured = '';
  globalThis.Function = new Proxy(original, {
    construct(target, args: string[]) {
      captured = args.at(-1)!;
      return Reflect.construct(target, args);
    },
  });
  // Compile at once (a template's first renders walk its parse tree instead).
  setColdRenders(0);
  try {
    new Engine().fromString(source).compiled(false);
  } finally {
    globalThis.Function = original;
    setColdRenders(undefined);
  }
  return captured;
}

describe('compileTemplate', () => {
  it('embeds template text only as string literals', () => {
    const evil = `"); globalThis.hacked = 1; ("\`\${globalThis.hacked = 2}\u2028</script>`;
    const template = new Engine().fromString(
      `${evil}{{ "${'\\"'}); x(" }}{% block a"b %}{% endblock %}`,
    );
    expect(template.render()).toBe(`${evil}"); x(`);
    expect((globalThis as { hacked?: unknown }).hacked).toBeUndefined();
  });

  it('turns loop counters into arithmetic and loop variables into locals', () => {
    const code = generatedSource(
      '{% for x in items %}{{ forloop.counter }}{{ x.name }}{% endfor %}',
    );
    expect(code).toMatch(/\(i\d+ \+ 1\)/);
    expect(code).toContain('"name"');
    expect(code).not.toContain('forloop(');
    expect(code).not.toMatch(/\bwith\s*\(/);
    expect(code).toContain('ctx.get("items")');
  });

  it('materialises forloop only where the template needs the object', () => {
    expect(generatedSource('{% for x in l %}{{ forloop }}{% endfor %}')).toContain('$forloop(');
    expect(generatedSource('{% for x in l %}{% include "a" %}{% endfor %}')).toContain('$forloop(');
  });

  it('outputs an if whose branches only output as one expression, numbers still as text', () => {
    const source =
      '{% for x in l %}{% if x.a %}{{ forloop.counter }}{{ forloop.counter0 }}{% elif x.b %}b{% else %}{{ x.c }}{% endif %};{% endfor %}';
    const code = generatedSource(source);
    expect(code).not.toMatch(/if \(\$truthy/);
    const items = [{ a: 1 }, { b: true }, { c: '<c>' }, { c: 7 }, {}];
    expect(new Engine().fromString(source).render({ l: items })).toBe('10;b;&lt;c&gt;;7;;');
    // Conditions that need statements (operators, filter arguments) keep the statement form.
    expect(generatedSource('{% if a == b %}x{% endif %}')).toMatch(/if \(\$truthy/);
  });

  it('looks up name.attribute in one call with the full lookup behind it', () => {
    const template = new Engine().fromString(
      '{{ o.a }}|{{ o.b }}|{{ o.c }}|{{ o.d.e }}|{{ o.keys }}',
    );
    expect(generatedSource('{{ o.a }}')).toContain('$attr(');
    class Row {
      get a(): string {
        return 'getter';
      }
    }
    expect(template.render({ o: { a: '<', b: 2, c: false, d: { e: 'e' } } })).toBe(
      '&lt;|2|False|e|[&#x27;a&#x27;, &#x27;b&#x27;, &#x27;c&#x27;, &#x27;d&#x27;]',
    );
    expect(template.render({ o: new Row() })).toBe('getter||||');
    expect(template.render({ o: new Map([['a', 'map']]) })).toBe('map||||[&#x27;a&#x27;]');
    expect(template.render({ o: () => ({ a: 'called' }) })).toBe('called||||[&#x27;a&#x27;]');
    expect(template.render({ o: { a: () => 'method' } })).toBe('method||||[&#x27;a&#x27;]');
    // A thenable needs renderAsync, even when the attribute is right there.
    const thenable = { a: 'x', then: (resolve: (v: unknown) => void) => resolve({ a: 'y' }) };
    expect(() => template.render({ o: thenable })).toThrow();
  });

  it('inlines the built-in upper and lower on plain strings only', () => {
    expect(generatedSource('{{ s|upper }}{{ s|lower }}')).toContain('$toUpperCase.call(');
    const template = new Engine().fromString('{{ s|upper }} {{ s|lower }}');
    expect(template.render({ s: 'Ab<' })).toBe('AB&lt; ab&lt;');
    expect(template.render({ s: 5 })).toBe('5 5');
    expect(template.render({ s: markSafe('<B>') })).toBe('&lt;B&gt; <b>');
    expect(template.render({})).toBe(' ');
  });
});

describe('temporaries', () => {
  it('sibling nodes share them, so a long body declares a few, not one per lookup', () => {
    const body = Array.from({ length: 2000 }, (_, i) => `{{ v${String(i % 7)}|upper }}`).join('');
    const code = generatedSource(`${body}{% for x in xs %}${body}{% endfor %}`);
    const declared = new Set(code.match(/\bt\d+\b/g));
    expect(declared.size).toBeLessThan(10);
  });

  it('keep a value a node holds while its body runs (nested loops, filters with arguments)', async () => {
    const template = new Engine().fromString(
      '{% for a in outer %}{{ a|add:step }}:{% for b in a|make_list %}{{ b|add:step }}{{ a|default:"x" }},{% endfor %}{% if a|add:step > 3 %}!{% endif %};{% endfor %}',
    );
    const context = { outer: [12, 3], step: 1 };
    // Rendered by Django 3.2.
    const expected = '13:212,312,!;4:43,!;';
    expect(template.render(context)).toBe(expected);
    expect(await template.renderAsync(context)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.js';

/** The generated source of a template (captured from `new Function`). */
function generatedSource(source: string): string {
  const original = globalThis.Function;
  let captured = '';
  globalThis.Function = new Proxy(original, {
    construct(target, args: string[]) {
      captured = args.at(-1)!;
      return Reflect.construct(target, args) as object;
    },
  });
  try {
    new Engine().fromString(source).compiled(false);
  } finally {
    globalThis.Function = original;
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
});

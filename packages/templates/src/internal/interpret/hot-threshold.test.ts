import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine.js';
import { COLD_RENDERS, setColdRenders } from './hot-threshold.js';

afterEach(() => {
  setColdRenders(undefined);
});

/** Count `new Function` calls (the compiler's) while `run` runs. */
function compilations(run: () => void): number {
  const original = globalThis.Function;
  let count = 0;
  globalThis.Function = new Proxy(original, {
    construct(target, args: string[]) {
      count++;
      return Reflect.construct(target, args);
    },
  });
  try {
    run();
  } finally {
    globalThis.Function = original;
  }
  return count;
}

describe('a cold template', () => {
  it('is walked for its first renders and compiled once hot, with the same output', () => {
    const template = new Engine().fromString(
      '{% for x in xs %}{{ forloop.counter }}{{ x }}{% endfor %}',
    );
    const outputs: string[] = [];
    const walked = compilations(() => {
      for (let i = 0; i < COLD_RENDERS; i++) outputs.push(template.render({ xs: ['a', '<'] }));
    });
    expect(walked).toBe(0);
    const hot = compilations(() => outputs.push(template.render({ xs: ['a', '<'] })));
    expect(hot).toBe(1);
    expect(new Set(outputs)).toEqual(new Set(['1a2&lt;']));
  });

  it('compiles at once when it has a tag the walker does not take', () => {
    const template = new Engine().fromString("{% cycle 'a' 'b' %}");
    expect(compilations(() => template.render())).toBe(1);
  });

  it('compiles at once for renderAsync (the walker is sync only)', async () => {
    const template = new Engine().fromString('{{ x }}');
    const original = globalThis.Function;
    let count = 0;
    globalThis.Function = new Proxy(original, {
      construct(target, args: string[]) {
        count++;
        return Reflect.construct(target, args);
      },
    });
    try {
      expect(await template.renderAsync({ x: Promise.resolve('y') })).toBe('y');
    } finally {
      globalThis.Function = original;
    }
    expect(count).toBe(1);
  });

  it('follows the test switch: 0 compiles at once, Infinity never', () => {
    setColdRenders(0);
    expect(compilations(() => new Engine().fromString('{{ x }}').render())).toBe(1);
    setColdRenders(Infinity);
    const template = new Engine().fromString('{{ x }}');
    expect(
      compilations(() => {
        for (let i = 0; i < 50; i++) template.render();
      }),
    ).toBe(0);
  });
});

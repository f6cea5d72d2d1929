import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine.js';
import { COLD_RENDERS, setColdRenders } from './hot-threshold.js';

afterEach(() => {
  setColdRenders(undefined);
});

/** Count `new Function` calls (the compiler's) while `run` runs (and settles). */
async function compilations(run: () => unknown): Promise<number> {
  const original = globalThis.Function;
  let count = 0;
  globalThis.Function = new Proxy(original, {
    construct(target, args: string[]) {
      count++;
      return Reflect.construct(target, args);
    },
  });
  try {
    await run();
  } finally {
    globalThis.Function = original;
  }
  return count;
}

describe('a cold template', () => {
  it('is walked for its first renders and compiled once hot, with the same output', async () => {
    const template = new Engine().fromString(
      '{% for x in xs %}{{ forloop.counter }}{{ x }}{% endfor %}',
    );
    const outputs: string[] = [];
    const walked = await compilations(() => {
      for (let i = 0; i < COLD_RENDERS; i++) outputs.push(template.render({ xs: ['a', '<'] }));
    });
    expect(walked).toBe(0);
    const hot = await compilations(() => outputs.push(template.render({ xs: ['a', '<'] })));
    expect(hot).toBe(1);
    expect(new Set(outputs)).toEqual(new Set(['1a2&lt;']));
  });

  it('compiles at once when it has a tag the walker does not take', async () => {
    const template = new Engine().fromString("{% cycle 'a' 'b' %}");
    expect(await compilations(() => template.render())).toBe(1);
  });

  it('compiles at once for renderAsync (the walker is sync only)', async () => {
    const template = new Engine().fromString('{{ x }}');
    let output = '';
    const count = await compilations(async () => {
      output = await template.renderAsync({ x: Promise.resolve('y') });
    });
    expect(output).toBe('y');
    expect(count).toBe(1);
  });

  it('follows the test switch: 0 compiles at once, Infinity never', async () => {
    setColdRenders(0);
    expect(await compilations(() => new Engine().fromString('{{ x }}').render())).toBe(1);
    setColdRenders(Infinity);
    const template = new Engine().fromString('{{ x }}');
    expect(
      await compilations(() => {
        for (let i = 0; i < 50; i++) template.render();
      }),
    ).toBe(0);
  });
});

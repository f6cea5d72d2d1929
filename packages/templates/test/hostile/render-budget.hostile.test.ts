/**
 * The render budget (issue #19, item 6) and `{% debug %}` outside debug mode (item 11), with
 * `render()` and `renderAsync()`. The inputs run until killed without a budget, so each
 * case first renders the same shape small enough to finish quickly without one: on code without
 * the budget that render returns, the assertion fails, and the full-size input is never reached.
 */
import { describe, expect, it } from 'vitest';
import { Engine, TemplateRenderBudgetExceeded, type EngineOptions } from '../../src/index.js';

type Render = (engine: Engine, name: string, context?: Record<string, unknown>) => Promise<string>;
const modes: [string, Render][] = [
  // A sync render inside a promise executor: a throw becomes the rejection, as in an async function.
  [
    'render',
    (engine, name, context) =>
      new Promise((resolve) => resolve(engine.getTemplate(name).render(context))),
  ],
  ['renderAsync', (engine, name, context) => engine.getTemplate(name).renderAsync(context)],
];

/** `f0` includes `f1` twice, … `f{levels-1}` includes `leaf` twice: 2^levels includes. */
function fanOut(levels: number): Record<string, string> {
  const templates: Record<string, string> = { leaf: 'x' };
  for (let i = 0; i < levels; i++) {
    const next = i === levels - 1 ? 'leaf' : `f${String(i + 1)}`;
    templates[`f${String(i)}`] = `{% include "${next}" %}{% include "${next}" %}`;
  }
  return templates;
}

async function budgetError(promise: Promise<string>): Promise<TemplateRenderBudgetExceeded> {
  const outcome = await promise.then(
    (output) => new Error(`rendered ${String(output.length)} characters`),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(TemplateRenderBudgetExceeded);
  return outcome as TemplateRenderBudgetExceeded;
}

const engine = (options: EngineOptions): Engine => new Engine(options);

describe.each(modes)('the render budget under %s', (_mode, render) => {
  it('stops an include fan-out (2^30 includes within maxDepth)', async () => {
    const small = engine({ templates: fanOut(12), renderBudget: { maxSteps: 1000 } });
    await budgetError(render(small, 'f0'));
    const huge = engine({ templates: fanOut(30), renderBudget: { maxSteps: 100_000 } });
    const error = await budgetError(render(huge, 'f0'));
    expect(error.limit).toBe('maxSteps');
    expect(error.max).toBe(100_000);
    expect(error.code).toBe('templates.render_budget_exceeded');
    expect(error.message).toMatch(
      /^Rendering template 'f\d+' went over the render budget: more than 100,000 steps .*renderBudget\.maxSteps/,
    );
  });

  it('stops nested loops totalling 10^9 iterations', async () => {
    const templates = {
      loops:
        '{% for a in xs %}{% for b in xs %}{% for c in xs %}.{% endfor %}{% endfor %}{% endfor %}',
    };
    const small = engine({ templates, renderBudget: { maxSteps: 10_000 } });
    await budgetError(render(small, 'loops', { xs: Array.from({ length: 30 }) }));
    const huge = engine({ templates, renderBudget: { maxSteps: 1_000_000 } });
    const error = await budgetError(render(huge, 'loops', { xs: Array.from({ length: 1000 }) }));
    expect(error).toMatchObject({ limit: 'maxSteps', templateName: 'loops' });
  });

  it('stops {% lorem 100000000 w %} before generating it', async () => {
    const small = engine({
      templates: { lorem: '{% lorem 200000 w %}' },
      renderBudget: { maxSteps: 100_000 },
    });
    await budgetError(render(small, 'lorem'));
    const huge = engine({
      templates: { lorem: '{% lorem 100000000 w %}', paragraphs: '{% lorem 100000 p %}' },
      renderBudget: { maxSteps: 10_000_000, maxOutputLength: 1_000_000 },
    });
    expect((await budgetError(render(huge, 'lorem'))).limit).toBe('maxSteps');
    expect((await budgetError(render(huge, 'paragraphs'))).limit).toBe('maxOutputLength');
  });

  it('bounds the output, counting what the including templates wrote before', async () => {
    const templates = {
      page: '{{ big }}{% include "rows" %}',
      rows: '{% for x in xs %}{{ x }}{% endfor %}',
      flat: '{{ big }}{{ big }}{{ big }}',
    };
    const budget = engine({ templates, renderBudget: { maxOutputLength: 1000 } });
    const big = 'b'.repeat(900);
    const error = await budgetError(
      render(budget, 'page', { big, xs: Array.from({ length: 200 }, () => 'x') }),
    );
    expect(error).toMatchObject({ limit: 'maxOutputLength', templateName: 'rows', max: 1000 });
    // No loop or include at all: the finished output is checked too.
    expect((await budgetError(render(budget, 'flat', { big }))).templateName).toBe('flat');
    expect(await render(budget, 'page', { big: 'b', xs: ['x'] })).toBe('bx');
  });

  it('leaves renders within the budget, and engines without one, unchanged', async () => {
    const templates = { loops: '{% for a in xs %}{% for b in xs %}.{% endfor %}{% endfor %}' };
    const xs = Array.from({ length: 100 });
    const limited = engine({
      templates,
      renderBudget: { maxSteps: 10_100, maxOutputLength: 10_000 },
    });
    expect(await render(limited, 'loops', { xs })).toHaveLength(10_000);
    expect(
      await render(engine({ templates }), 'loops', { xs: Array.from({ length: 400 }) }),
    ).toHaveLength(160_000);
  });
});

describe('the renderBudget option', () => {
  it('is checked when the engine is created', () => {
    expect(() => new Engine({ renderBudget: { maxSteps: 0 } })).toThrow(
      'Engine option renderBudget.maxSteps must be a positive integer (or Infinity), got 0.',
    );
    expect(() => new Engine({ renderBudget: { maxBytes: 1 } as never })).toThrow(
      'Unknown key renderBudget.maxBytes in the engine options: use maxSteps and/or maxOutputLength.',
    );
    expect(() => new Engine({ renderBudget: { maxSteps: Infinity } })).not.toThrow();
  });
});

describe.each(modes)('{% debug %} under %s', (_mode, render) => {
  const templates = { debug: '[{% debug %}]' };
  it('prints nothing unless the engine is in debug mode, as Django', async () => {
    expect(await render(engine({ templates }), 'debug', { secret: 'sk_live' })).toBe('[]');
    expect(await render(engine({ templates, debug: true }), 'debug', { secret: 'x' })).toBe(
      '[{&#x27;secret&#x27;: &#x27;x&#x27;}]',
    );
  });
});

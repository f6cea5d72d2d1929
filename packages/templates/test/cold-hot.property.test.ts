/**
 * A template's first renders walk its parse tree; once hot it is compiled (`hot-threshold.ts`).
 * Both paths must agree on everything a caller sees: random templates from the grammar the tree
 * walker takes (with some tags it does not, which compile at once) render to the same output or
 * fail with the same error, under each engine option that changes rendering.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { markSafe } from '@reins/core';
import { Engine, type EngineOptions } from '../src/index.js';
import { setColdRenders } from '../src/internal/interpret/hot-threshold.js';

const OPERANDS = [
  'x',
  'n',
  'items',
  'd.k',
  'd',
  'missing',
  'missing.k',
  'forloop.counter',
  'forloop.counter0',
  'forloop.revcounter',
  'forloop.last',
  'forloop.first',
  'forloop.parentloop.counter',
  'forloop.parentloop',
  'forloop',
  'item',
  'item.name',
  'item.ok',
  'a',
  'b',
  'block.super',
  'block',
  'None',
  'True',
  '"li<t"',
  '1.5',
  '-2',
  '0',
  's',
  'f',
  'items.0.name',
  'pair.1',
  'forloop.counter.x',
];
const FILTERS = [
  '',
  '',
  '|upper',
  '|lower',
  '|default:"z"',
  '|default:missing',
  '|length',
  '|safe',
  '|escape',
  '|add:n',
  '|join:","',
  '|add:item',
  '|first',
  '|upper|lower',
  '|default:a',
];
const CONDITIONS = [
  '{0}',
  'not {0}',
  '{0} == {1}',
  '{0} != {1}',
  '{0} in {1}',
  '{0} not in {1}',
  '{0} and {1}',
  '{0} or {1}',
  '{0} is None',
  '{0} > 1',
  '{0} < {1} or not {1}',
  '{0}|default:missing',
];
const SEQUENCES = ['items', 'empty', 'x', 'n', 'd', 'missing', 'pairs', 'items|slice:":2"', 's'];

const operand = fc.constantFrom(...OPERANDS);
const expression = fc
  .tuple(operand, fc.constantFrom(...FILTERS))
  .map(([head, filter]) => head + filter);

const { node } = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  nodes: fc.array(tie('node'), { maxLength: 4 }).map((parts) => parts.join('')),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('t', '<&>', ' ', '\n', '{# c #}'),
    expression.map((e) => `{{ ${e} }}`),
    fc
      .tuple(
        fc.constantFrom(...CONDITIONS),
        operand,
        expression,
        tie('nodes'),
        tie('nodes'),
        fc.boolean(),
      )
      .map(
        ([shape, first, second, body, other, elif]) =>
          `{% if ${shape.replace('{0}', first).replace('{1}', second)} %}${body}` +
          `${elif ? `{% elif ${first} %}e` : ''}{% else %}${other}{% endif %}`,
      ),
    fc
      .tuple(fc.constantFrom(...SEQUENCES), fc.boolean(), fc.boolean(), tie('nodes'), tie('nodes'))
      .map(
        ([sequence, pair, reversed, body, empty]) =>
          `{% for ${pair ? 'a, b' : 'item'} in ${sequence}${reversed ? ' reversed' : ''} %}${body}` +
          `{% empty %}${empty}{% endfor %}`,
      ),
    fc
      .tuple(expression, expression, tie('nodes'))
      .map(([a, b, body]) => `{% with a=${a} b=${b} %}${body}{% endwith %}`),
    fc.constantFrom(
      '{% include "inc" %}',
      '{% include "inc" with a=x only %}',
      '{% include "inc" with item=n %}',
      '{% include "cycles" %}',
      '{% include name %}',
      '{% include missing %}',
    ),
    fc
      .tuple(fc.nat(3), tie('nodes'))
      .map(([i, body]) => `{% block b${String(i)} %}${body}{% endblock %}`),
    tie('nodes').map((body) => `{% autoescape off %}${body}{% endautoescape %}`),
    // Tags the tree walker does not take: the whole template compiles at once.
    fc.constantFrom(
      "{% cycle 'p' 'q' %}",
      '{% firstof missing x %}',
      '{% spaceless %} <b> </b> {% endspaceless %}',
    ),
  ),
}));

const template = fc.oneof(
  { weight: 3, arbitrary: node },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('"base"', 'parent', '"inc"'), fc.array(node, { maxLength: 3 }))
      .map(([parent, parts]) => `{% extends ${parent} %}${parts.join('')}`),
  },
);

const TEMPLATES = {
  inc: '[{{ a }}{{ x }}{{ item.name }}{{ forloop.counter }}{% block b1 %}I{{ block.super }}{% endblock %}]',
  cycles:
    "{% for i in items %}{% cycle 'p' 'q' %}{% ifchanged %}{{ i.ok }}{% endifchanged %}{% endfor %}",
  base: '<{% block b1 %}B1{% endblock %}|{% block b2 %}{% for item in items %}{% block b3 %}{{ item.name }}{% endblock %}{% endfor %}{% endblock %}|{% include "inc" %}>',
};

const OPTIONS: EngineOptions[] = [
  {},
  { strict: true },
  { stringIfInvalid: 'INV(%s)' },
  { autoescape: false },
  { renderBudget: { maxSteps: 6, maxOutputLength: 120 } },
];

const context = (): Record<string, unknown> => ({
  x: 'a<b',
  n: 3,
  items: [
    { name: 'i<1', ok: true },
    { name: 'i2', ok: false },
    { name: markSafe('<i3>'), ok: true },
  ],
  empty: [],
  d: { k: 'v&' },
  s: markSafe('<s>'),
  f: () => 'called',
  pairs: [
    [1, 'one'],
    [2, 'two'],
  ],
  name: 'inc',
  parent: 'base',
});

/** The output, or the error's class and message, of rendering `source` `times` times on a new engine. */
function outcome(source: string, options: EngineOptions, coldRenders: number, times = 1): string {
  setColdRenders(coldRenders);
  try {
    const engine = new Engine({ ...options, templates: TEMPLATES });
    const compiled = engine.fromString(source);
    let output = '';
    for (let i = 0; i < times; i++) output = compiled.render(context());
    return `ok: ${output}`;
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  } finally {
    setColdRenders(undefined);
  }
}

afterEach(() => {
  setColdRenders(undefined);
});

describe('walking the parse tree and running the compiled template', () => {
  it('give the same output or the same error', () => {
    fc.assert(
      fc.property(template, fc.constantFrom(...OPTIONS), (source, options) => {
        const compiled = outcome(source, options, 0);
        expect(outcome(source, options, Infinity)).toBe(compiled);
        // A template switching from one to the other between renders (its includes too).
        expect(outcome(source, options, 1, 3)).toBe(compiled);
      }),
      { numRuns: 800 },
    );
  });
});

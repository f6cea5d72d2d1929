/**
 * The reins backend's sync-first render: a string (no promise) when nothing in the render can meet
 * a promise, `renderAsync()` from the start otherwise — never a sync attempt abandoned half-way,
 * which would call the context's callables, custom tags and context processors twice. Every case
 * checks the output against `renderAsync()` of the same template.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createTemplates,
  declareSync,
  Library,
  markSafe,
  onTemplateRendered,
  type BackendTemplate,
  type Engine,
} from '../src/index.js';
import { isDeclaredSync } from '../src/template-backend.js';

const sources = {
  'base.html': '<title>{% block title %}{% endblock %}</title>{% block content %}{% endblock %}',
  'page.html':
    '{% extends "base.html" %}{% block title %}Hi {{ name }}{% endblock %}' +
    '{% block content %}{% for row in rows %}<p>{{ row.label|upper }}={{ row.value }}</p>{% endfor %}' +
    '{% include "part.html" %}{% endblock %}',
  'part.html': '<i>{{ name }}{{ csrf_token }}</i>',
  'tagged.html': '{% load extras %}{{ name }}{% shout name %}',
  'includes-tagged.html': '[{{ name }}]{% include "tagged.html" %}',
};

function setUp(options: Record<string, unknown> = {}): {
  get: (name: string) => BackendTemplate;
  engine: Engine;
} {
  const templates = createTemplates([
    { backend: 'reins', options: { templates: sources, ...options } },
  ]);
  const backend = templates.engines.get('reins') as unknown as { engine: Engine };
  return { get: (name) => templates.getTemplate(name), engine: backend.engine };
}

/** The backend's answer, and what `renderAsync()` of the same template gives. */
async function both(
  get: (name: string) => BackendTemplate,
  engine: Engine,
  name: string,
  context: Record<string, unknown>,
  request?: unknown,
): Promise<{ answer: string | Promise<string>; output: string; expected: string }> {
  const answer = get(name).render(context, request);
  const output = await answer;
  const expected = await engine.getTemplate(name).renderAsync(context, request);
  return { answer, output, expected };
}

const syncProcessor = declareSync((request: unknown) => ({
  csrf_token: markSafe(`T${String((request as { n: number }).n)}`),
}));

describe('sync-first render of the reins backend', () => {
  it('returns a string for plain data with declared-sync processors, equal to renderAsync', async () => {
    const { get, engine } = setUp({ contextProcessors: [syncProcessor] });
    const context = {
      name: '<ann>',
      rows: [
        { label: 'a', value: 1 },
        { label: 'b', value: null },
      ],
    };
    const { answer, output, expected } = await both(get, engine, 'page.html', context, { n: 7 });
    expect(typeof answer).toBe('string');
    expect(output).toBe(expected);
    expect(output).toBe('<title>Hi &lt;ann&gt;</title><p>A=1</p><p>B=None</p><i>&lt;ann&gt;T7</i>');
  });

  it('renders asynchronously from the start when a processor is not declared sync', async () => {
    let calls = 0;
    const { get, engine } = setUp({
      contextProcessors: [
        (request: unknown) => {
          calls++;
          return { csrf_token: String((request as { n: number }).n) };
        },
      ],
    });
    const answer = get('part.html').render({ name: 'x' }, { n: 3 });
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toBe('<i>x3</i>');
    expect(calls).toBe(1);
    expect(await engine.getTemplate('part.html').renderAsync({ name: 'x' }, { n: 3 })).toBe(
      '<i>x3</i>',
    );
  });

  it('awaits a thenable in the context (top-level or nested) and calls each callable once', async () => {
    const { get, engine } = setUp();
    for (const shape of ['top', 'nested', 'callable'] as const) {
      let calls = 0;
      const counted = (): string => `c${++calls}`;
      const name =
        shape === 'top'
          ? Promise.resolve('P')
          : shape === 'nested'
            ? { value: Promise.resolve('P') }
            : () => Promise.resolve('P');
      const template =
        shape === 'nested' ? '{{ counted }}{{ name.value }}' : '{{ counted }}{{ name }}';
      const backendTemplate = createTemplates([
        { backend: 'reins', options: { templates: { t: template } } },
      ]).getTemplate('t');
      const answer = backendTemplate.render({ counted, name });
      expect(answer).toBeInstanceOf(Promise);
      expect(await answer).toBe('c1P');
      expect(calls).toBe(1);
    }
    expect(await get('part.html').render({ name: Promise.resolve('p') })).toBe(
      await engine.getTemplate('part.html').renderAsync({ name: Promise.resolve('p') }),
    );
  });

  it('renders asynchronously when a library tag is not declared sync, so an async tag runs once', async () => {
    let tagCalls = 0;
    let contextCalls = 0;
    const extras = new Library().simpleTag('shout', async (name: string) => {
      tagCalls++;
      await Promise.resolve();
      return `${name}!`;
    });
    const { get, engine } = setUp({ libraries: { extras } });
    // The include of a template using the async tag: the including template cannot know it.
    const context = { name: () => `n${++contextCalls}` };
    const answer = get('includes-tagged.html').render(context);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toBe('[n1]n2n3!');
    expect(tagCalls).toBe(1);
    expect(contextCalls).toBe(3);
    expect(await engine.getTemplate('includes-tagged.html').renderAsync(context)).toBe('[n4]n5n6!');
  });

  it('renders a declared-sync tag synchronously', async () => {
    const extras = new Library().simpleTag(
      'shout',
      declareSync((name: string) => `${name}!`),
    );
    const { get, engine } = setUp({ libraries: { extras } });
    const { answer, output, expected } = await both(get, engine, 'includes-tagged.html', {
      name: 'ann',
    });
    expect(answer).toBe('[ann]annann!');
    expect(output).toBe(expected);
  });

  it('fails loudly when a declared-sync function returns a promise, instead of rendering twice', () => {
    const extras = new Library().simpleTag(
      'shout',
      declareSync((name: string) => Promise.resolve(`${name}!`)),
    );
    const { get } = setUp({ libraries: { extras } });
    expect(() => get('tagged.html').render({ name: 'ann' })).toThrow(
      /Template 'tagged.html' met a promise in a synchronous render.*declareSync/,
    );
  });

  it('emits template_rendered once per template, on either path', async () => {
    const { get } = setUp();
    const names: string[] = [];
    const stop = onTemplateRendered((event) => names.push(event.name));
    try {
      await get('part.html').render({ name: 'x' });
      await get('part.html').render({ name: Promise.resolve('x') });
    } finally {
      stop();
    }
    expect(names).toEqual(['part.html', 'part.html']);
  });

  it.each([
    ['a function', { name: () => 'f' }],
    ['a getter', Object.defineProperty({}, 'name', { get: () => 'g', enumerable: true })],
    [
      'a class instance',
      {
        name: new (class Person {
          readonly first = 'ann';
        })(),
      },
    ],
    ['a Map', { name: new Map([['a', 1]]) }],
    ['a proxy', { name: new Proxy({}, { get: () => 'p' }) }],
    ['an async iterable', { rows: { [Symbol.asyncIterator]: async function* () {} } }],
    [
      'a cycle',
      (() => {
        const o: Record<string, unknown> = {};
        o['o'] = o;
        return { o };
      })(),
    ],
  ])('renders asynchronously when the context holds %s', async (_label, context) => {
    const { get, engine } = setUp();
    const variables: Record<string, unknown> = context;
    const answer = get('part.html').render(variables);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toBe(await engine.getTemplate('part.html').renderAsync(variables));
  });

  it('decides without running a proxy trap or a getter of the context', async () => {
    const { get } = setUp();
    let traps = 0;
    const handler: ProxyHandler<object> = {
      get: (target, key, receiver): unknown => (
        traps++,
        Reflect.get(target, key, receiver) as unknown
      ),
      getPrototypeOf: (target) => (traps++, Reflect.getPrototypeOf(target)),
      ownKeys: (target) => (traps++, Reflect.ownKeys(target)),
      getOwnPropertyDescriptor: (target, key) => (
        traps++,
        Reflect.getOwnPropertyDescriptor(target, key)
      ),
    };
    let getters = 0;
    const withGetter = {
      get name(): string {
        getters++;
        return 'g';
      },
    };
    const decided = [
      get('part.html').render({ rows: [new Proxy({ label: 'x' }, handler)] }),
      get('part.html').render({ rows: [withGetter] }),
    ];
    expect(traps).toBe(0);
    expect(getters).toBe(0);
    for (const answer of decided) expect(answer).toBeInstanceOf(Promise);
    expect(await Promise.all(decided.map(async (answer) => answer))).toEqual([
      '<i></i>',
      '<i></i>',
    ]);
  });

  it('scans at most 1,000 values (the context counts as one) before rendering asynchronously', () => {
    const { get } = setUp();
    const values = (count: number): Record<string, unknown> => ({
      rows: Array.from({ length: count }, (_, index) => index),
    });
    // The context, the array, its `length` and its items.
    expect(typeof get('part.html').render(values(997))).toBe('string');
    expect(get('part.html').render(values(998))).toBeInstanceOf(Promise);
    const dated = Object.assign(new Date(0), { extra: 1 });
    expect(get('part.html').render({ when: dated })).toBeInstanceOf(Promise);
    expect(typeof get('part.html').render({ when: new Date(0) })).toBe('string');
  });

  it('gives the same output on both paths for any plain-data context (property)', async () => {
    const { get, engine } = setUp({ contextProcessors: [syncProcessor] });
    const leaf = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: true }),
      fc.string().map((text) => markSafe(text)),
    );
    const value = fc.letrec((tie) => ({
      value: fc.oneof(
        { maxDepth: 3 },
        leaf,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    const row = fc.record({ label: fc.string(), value });
    await fc.assert(
      fc.asyncProperty(value, fc.array(row, { maxLength: 5 }), async (name, rows) => {
        const { answer, output, expected } = await both(
          get,
          engine,
          'page.html',
          { name, rows },
          { n: 1 },
        );
        expect(typeof answer).toBe('string');
        expect(output).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('marks only what declareSync is given', () => {
    const fn = (): number => 1;
    expect(isDeclaredSync(fn)).toBe(false);
    expect(declareSync(fn)).toBe(fn);
    expect(isDeclaredSync(fn)).toBe(true);
    expect(isDeclaredSync({})).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { Library } from './library.js';
import { TemplateSyntaxError } from './template-syntax-error.js';
import { markSafe } from '@reins/core';

const extras = new Library()
  .filter('shout', (value) => `${String(value)}!`)
  .filter('wrap', (value, arg) => `[${String(value)}${String(arg)}]`)
  .filter('bold', (value) => markSafe(`<b>${String(value)}</b>`))
  .filter('keep', (value) => value, { isSafe: true })
  .filter('ae', (_value, _arg, ctx) => String(ctx.autoescape), {
    needsAutoescape: true,
    arg: 'none',
  })
  .simpleTag(
    'greet',
    (name: unknown, options?: { punct?: unknown }) =>
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the filter stringifies whatever the template passes
      `Hello <${String(name)}>${String(options?.punct ?? '')}`,
  )
  .simpleTag('who', (context: { get(name: string): unknown }) => context.get('user'), {
    takesContext: true,
  })
  .simpleTag('later', () => Promise.resolve('async value'))
  .inclusionTag('card', 'card.html', (title: unknown) => ({ title }));

describe('Library', () => {
  const engine = new Engine({
    libraries: { extras, other: new Library().filter('twice', (v) => `${String(v)}${String(v)}`) },
    builtins: [new Library().filter('everywhere', () => 'E')],
    templates: { 'card.html': '<h2>{{ title }}</h2>{{ csrf_token }}' },
  });
  const render = (source: string, context: Record<string, unknown> = {}): string =>
    engine.fromString(source).render(context);

  it('registers filters with arity from the function, and Django flags', () => {
    expect(render('{% load extras %}{{ "a"|shout }} {{ x|wrap:1 }}', { x: 'v' })).toBe('a! [v1]');
    expect(() => render('{% load extras %}{{ x|shout:1 }}')).toThrow(
      'shout requires 1 arguments, 2 provided',
    );
    expect(() => render('{% load extras %}{{ x|wrap }}')).toThrow(
      'wrap requires 2 arguments, 1 provided',
    );
    expect(
      render('{% load extras %}{{ x|bold }} {{ s|keep }} {{ x|keep }}', {
        x: '<i>',
        s: markSafe('<i>'),
      }),
    ).toBe('<b><i></b> <i> &lt;i&gt;');
    expect(
      render('{% load extras %}{{ 1|ae }}{% autoescape off %}{{ 1|ae }}{% endautoescape %}'),
    ).toBe('truefalse');
  });

  it('is unavailable until loaded, and {% load x from lib %} loads a subset', () => {
    expect(() => render('{{ 1|shout }}')).toThrow(TemplateSyntaxError);
    expect(render('{% load shout from extras %}{{ 1|shout }}')).toBe('1!');
    expect(() => render('{% load shout from extras %}{{ 1|wrap:2 }}')).toThrow(
      "Invalid filter: 'wrap'",
    );
    expect(() => render('{% load nope from extras %}')).toThrow(
      "'nope' is not a valid tag or filter in tag library 'extras'",
    );
    expect(() => render('{% load missing %}')).toThrow(
      "'missing' is not a registered tag library. Must be one of:\nextras\nother",
    );
    expect(render('{{ 1|everywhere }}')).toBe('E');
  });

  it('runs simple tags with positional and keyword arguments, escaping the result', () => {
    expect(render('{% load extras %}{% greet "Ann" %}|{% greet n punct="!" %}', { n: 'Bob' })).toBe(
      'Hello &lt;Ann&gt;|Hello &lt;Bob&gt;!',
    );
    expect(render('{% load extras %}{% greet "Ann" as g %}[{{ g }}]')).toBe('[Hello &lt;Ann&gt;]');
    expect(render('{% load extras %}{% autoescape off %}{% greet "A" %}{% endautoescape %}')).toBe(
      'Hello <A>',
    );
    expect(
      render('{% load extras %}{% for user in users %}{% who %}{% endfor %}', {
        users: ['x', 'y'],
      }),
    ).toBe('xy');
    expect(() => render('{% load extras %}{% greet a=1 "b" %}')).toThrow(
      'positional argument(s) after some keyword',
    );
  });

  it('awaits async simple tags in renderAsync only', async () => {
    const template = engine.fromString('{% load extras %}{% later %}');
    expect(await template.renderAsync()).toBe('async value');
    expect(() => template.render()).toThrow(/renderAsync/);
  });

  it('renders inclusion tags with their own context plus the CSRF token', async () => {
    expect(
      render('{% load extras %}{% card t %}', { t: '<T>', title: 'outer', csrf_token: 'tok' }),
    ).toBe('<h2>&lt;T&gt;</h2>tok');
    expect(await engine.fromString('{% load extras %}{% card "T" %}').renderAsync()).toBe(
      '<h2>T</h2>',
    );
  });
});

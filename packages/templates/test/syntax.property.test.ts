import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, Library, TemplateSyntaxError } from '../src/index.js';

const PIECES = [
  '{%',
  '%}',
  '{{',
  '}}',
  '{#',
  '#}',
  ' ',
  '  ',
  '\n',
  'if',
  'elif',
  'else',
  'endif',
  'for',
  'in',
  'empty',
  'endfor',
  'reversed',
  'with',
  'endwith',
  'as',
  'and',
  'or',
  'not',
  '==',
  '!=',
  '<',
  '>=',
  'is',
  'None',
  'block',
  'endblock',
  'extends',
  'include',
  'only',
  'cycle',
  'silent',
  'resetcycle',
  'firstof',
  'ifchanged',
  'endifchanged',
  'regroup',
  'by',
  'url',
  'now',
  'widthratio',
  'spaceless',
  'endspaceless',
  'autoescape',
  'on',
  'off',
  'endautoescape',
  'filter',
  'endfilter',
  'verbatim',
  'endverbatim',
  'comment',
  'endcomment',
  'templatetag',
  'openblock',
  'lorem',
  'load',
  'extras',
  'tag',
  'csrf_token',
  'debug',
  'x',
  'y.z',
  'forloop',
  'counter',
  'block.super',
  '_x',
  '|',
  ':',
  '"',
  "'",
  '"s"',
  "'t'",
  '=',
  ',',
  '.',
  '0',
  '1.5',
  '-2',
  'upper',
  'default',
  'join',
  'safe',
  'escape',
  'add',
  'length',
  '\\',
  '`',
  '${',
  '}',
  '{',
  '%',
  '#',
  '</script>',
];

const engine = new Engine({
  templates: { x: 'included {{ x }}' },
  libraries: { extras: new Library().simpleTag('tag', () => 'T').filter('f', (v) => v) },
  reverse: () => '/',
});

describe('any template text', () => {
  it('compiles (sync and async) or raises TemplateSyntaxError, nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join('')),
        (source) => {
          try {
            const template = engine.fromString(source);
            template.compiled(false);
            template.compiled(true);
          } catch (error) {
            if (!TemplateSyntaxError.isInstance(error)) throw error;
            expect(error.djangoMessage.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('handles arbitrary unicode text the same way', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (source) => {
        try {
          engine.fromString(source).compiled(false);
        } catch (error) {
          if (!TemplateSyntaxError.isInstance(error)) throw error;
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * Django's argument parsing shared by several tags: `token_kwargs` (`k=v` or legacy `v as k`) and
 * `args… k=v… [as var]` of `{% url %}` and simple tags.
 *
 * @module
 */
import { TemplateSyntaxError } from '../template-syntax-error.js';
import type { FilterExpression } from './filter-expression.js';
import type { KeywordArguments } from './nodes.js';
import type { Parser } from './parser.js';

const KWARG_RE = /^(?:([\p{L}\p{N}_]+)=)?(.+)$/su;

/** Django's `token_kwargs`: consume `k=v` (or legacy `v as k [and …]`) bits from the front of `bits`. */
export function tokenKwargs(
  bits: string[],
  parser: Parser,
  supportLegacy: boolean,
): KeywordArguments {
  if (bits.length === 0) return [];
  const kwargFormat = KWARG_RE.exec(bits[0]!)?.[1] !== undefined;
  if (!kwargFormat && (!supportLegacy || bits.length < 3 || bits[1] !== 'as')) return [];
  const kwargs: KeywordArguments = [];
  const set = (key: string, value: FilterExpression): void => {
    const existing = kwargs.findIndex(([k]) => k === key);
    if (existing >= 0) kwargs.splice(existing, 1);
    kwargs.push([key, value]);
  };
  while (bits.length > 0) {
    if (kwargFormat) {
      const match = KWARG_RE.exec(bits[0]!);
      if (match?.[1] === undefined) return kwargs;
      bits.shift();
      set(match[1], parser.compileFilter(match[2]!));
    } else {
      if (bits.length < 3 || bits[1] !== 'as') return kwargs;
      set(bits[2]!, parser.compileFilter(bits[0]!));
      bits.splice(0, 3);
      if (bits.length > 0) {
        if (bits[0] !== 'and') return kwargs;
        bits.shift();
      }
    }
  }
  return kwargs;
}

/** Parse `args… k=v… [as var]` bits of url and custom tags. */
export function parseCallBits(
  tagName: string,
  bits: string[],
  parser: Parser,
  allowAs: boolean,
): { args: FilterExpression[]; kwargs: KeywordArguments; asVar: string | undefined } {
  let asVar: string | undefined;
  if (allowAs && bits.length >= 2 && bits[bits.length - 2] === 'as') {
    asVar = bits[bits.length - 1];
    bits = bits.slice(0, -2);
  }
  const args: FilterExpression[] = [];
  const kwargs: KeywordArguments = [];
  for (const bit of bits) {
    const match = KWARG_RE.exec(bit);
    if (match === null) throw new TemplateSyntaxError(`Malformed arguments to ${tagName} tag`);
    if (match[1] !== undefined) {
      if (kwargs.some(([k]) => k === match[1])) {
        throw new TemplateSyntaxError(
          `'${tagName}' received multiple values for keyword argument '${match[1]}'`,
        );
      }
      kwargs.push([match[1], parser.compileFilter(match[2]!)]);
    } else {
      if (kwargs.length > 0 && tagName !== 'url') {
        throw new TemplateSyntaxError(
          `'${tagName}' received some positional argument(s) after some keyword argument(s)`,
        );
      }
      args.push(parser.compileFilter(match[2]!));
    }
  }
  return { args, kwargs, asVar };
}

/**
 * Parses Django filter expressions (`name.attr|filter:"arg"|other:var`) into a small tree the
 * compiler turns into JavaScript: a head operand (literal or dotted lookup) and a list of filters,
 * each with at most one argument. Follows Django's `FilterExpression` and `Variable` classes,
 * including their error messages.
 *
 * @module
 */
import type { FilterSpec } from '../filters/filter-spec.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';

/** A literal value: a number, or a string literal (always marked safe, as in Django). */
export interface LiteralOperand {
  kind: 'literal';
  /** The number, or the unescaped text of a string literal. */
  value: number | string;
  /** True for string literals (they are safe strings). */
  isString: boolean;
  /** The text as written (a float literal keeps its Python `str()`, e.g. `1000.0`). */
  raw: string;
}

/** A dotted variable lookup such as `user.profile.name`. */
export interface VariableOperand {
  kind: 'variable';
  path: string[];
  raw: string;
}

export type Operand = LiteralOperand | VariableOperand;

/** One `|name:arg` application. */
export interface FilterCall {
  name: string;
  spec: FilterSpec;
  arg: Operand | undefined;
}

/** A parsed filter expression. */
export interface FilterExpression {
  head: Operand | undefined;
  filters: FilterCall[];
  token: string;
}

const W = '[\\p{L}\\p{N}_]';
const STR_DQ = '"[^"\\\\]*(?:\\\\.[^"\\\\]*)*"';
const STR_SQ = "'[^'\\\\]*(?:\\\\.[^'\\\\]*)*'";
const CONSTANT = `(?:_\\(${STR_DQ}\\)|_\\(${STR_SQ}\\)|${STR_DQ}|${STR_SQ})`;
const NUM = '[-+.]?\\p{Nd}[\\p{Nd}.e]*';
const VAR_CHARS = '[\\p{L}\\p{N}_.]';
const FILTER_SOURCE =
  `^(?<constant>${CONSTANT})|^(?<variable>${VAR_CHARS}+|${NUM})|` +
  `(?:\\s*\\|\\s*(?<filterName>${W}+)(?::(?:(?<constantArg>${CONSTANT})|(?<variableArg>${VAR_CHARS}+|${NUM})))?)`;

const FILTER_RE = new RegExp(FILTER_SOURCE, 'gu');
// Each filter nests one call in the generated code; beyond this a template fails cleanly.
const MAX_FILTERS = 400;

const INT_RE = /^[\s]*[-+]?\d(?:_?\d)*[\s]*$/u;
const FLOAT_RE =
  /^[\s]*[-+]?(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][-+]?\d(?:_?\d)*)?[\s]*$/u;
const SPECIAL_FLOAT_RE = /^[\s]*[-+]?(?:inf|infinity|nan)[\s]*$/iu;

/** Python `repr()` of a float, for literals written with a dot or exponent (`2.0`, `1e3` → `1000.0`). */
function floatLiteralText(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${String(value)}.0`;
  const text = String(value);
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Parse one `Variable` token: a number, a quoted string, or a dotted lookup. */
export function parseOperand(text: string): Operand {
  // Django tries float() when the text has a '.' or an 'e', int() otherwise.
  if (text.includes('.') || text.toLowerCase().includes('e')) {
    if ((FLOAT_RE.test(text) || SPECIAL_FLOAT_RE.test(text)) && !text.endsWith('.')) {
      const value = Number(
        text
          .replace(/_/g, '')
          .trim()
          .replace(/^([-+]?)inf(inity)?$/i, '$1Infinity'),
      );
      return { kind: 'literal', value, isString: false, raw: floatLiteralText(value) };
    }
  } else if (INT_RE.test(text)) {
    const value = Number(text.replace(/_/g, '').trim());
    return { kind: 'literal', value, isString: false, raw: String(value) };
  }
  let body = text;
  if (body.startsWith('_(') && body.endsWith(')')) body = body.slice(2, -1);
  const quote = body[0];
  if ((quote === '"' || quote === "'") && body.length >= 2 && body.endsWith(quote)) {
    const value = body.slice(1, -1).split(`\\${quote}`).join(quote).split('\\\\').join('\\');
    return { kind: 'literal', value, isString: true, raw: value };
  }
  if (body.startsWith('_') || body.includes('._')) {
    throw new TemplateSyntaxError(
      `Variables and attributes may not begin with underscores: '${body}'`,
    );
  }
  return { kind: 'variable', path: body.split('.'), raw: body };
}

/** Django's filter arity check, phrased as Django phrases it (the input value counts). */
function checkArity(name: string, spec: FilterSpec, hasArg: boolean): void {
  const provided = hasArg ? 2 : 1;
  const required = spec.arg === 'required' ? 2 : 1;
  const max = spec.arg === 'none' ? 1 : 2;
  if (provided < required || provided > max) {
    throw new TemplateSyntaxError(
      `${name} requires ${String(required)} arguments, ${String(provided)} provided`,
    );
  }
}

/** Whether `code` is an ASCII letter. */
const isAsciiLetter = (code: number): boolean => (code | 32) >= 97 && (code | 32) <= 122;

/** Whether `code` is an ASCII letter, digit or `_`. */
const isAsciiWord = (code: number): boolean =>
  isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 95;

/**
 * The common shapes `name.attr|filter|other` and `"text"|filter` (ASCII names, no argument, no
 * space, no backslash in the string) parsed without the regular expression, or `undefined` for
 * anything else. A head starting with a letter is never a number for Python's `float()`/`int()`
 * (`inf` and `nan` hold neither `.` nor `e`), so it is a variable; the result is the one the
 * general parser gives. Besides the pattern's run per expression, a process's first template
 * skips compiling the pattern's Unicode classes (a sixth of that first compile + render, for the
 * `"base.html"` of an `{% extends %}`).
 */
function parseSimpleExpression(
  token: string,
  findFilter: (name: string) => FilterSpec | undefined,
): FilterExpression | undefined {
  const length = token.length;
  if (length === 0) return undefined;
  const first = token.charCodeAt(0);
  let i: number;
  let head: Operand;
  if (first === 34 /* " */ || first === 39 /* ' */) {
    const close = token.indexOf(first === 34 ? '"' : "'", 1);
    if (close === -1) return undefined;
    const value = token.slice(1, close);
    if (value.includes('\\')) return undefined;
    head = { kind: 'literal', value, isString: true, raw: value };
    i = close + 1;
  } else if (isAsciiLetter(first)) {
    for (i = 1; i < length; i++) {
      const code = token.charCodeAt(i);
      if (code === 46 /* . */) {
        if (token.charCodeAt(i + 1) === 95 /* _ */) return undefined;
      } else if (!isAsciiWord(code)) break;
    }
    const raw = token.slice(0, i);
    head = { kind: 'variable', path: raw.split('.'), raw };
  } else return undefined;
  const filters: FilterCall[] = [];
  while (i < length) {
    if (token.charCodeAt(i) !== 124 /* | */ || filters.length >= MAX_FILTERS) return undefined;
    const start = ++i;
    while (i < length && isAsciiWord(token.charCodeAt(i))) i++;
    if (i === start || (i < length && token.charCodeAt(i) !== 124)) return undefined;
    const name = token.slice(start, i);
    const spec = findFilter(name);
    if (spec === undefined) throw new TemplateSyntaxError(`Invalid filter: '${name}'`);
    checkArity(name, spec, false);
    filters.push({ name, spec, arg: undefined });
  }
  return { head, filters, token };
}

/** Parse a filter expression, looking filters up with `findFilter`. */
export function parseFilterExpression(
  token: string,
  findFilter: (name: string) => FilterSpec | undefined,
): FilterExpression {
  return (
    parseSimpleExpression(token, findFilter) ?? parseFilterExpressionByPattern(token, findFilter)
  );
}

/** {@link parseFilterExpression} for any expression: Django's filter pattern, match by match. */
export function parseFilterExpressionByPattern(
  token: string,
  findFilter: (name: string) => FilterSpec | undefined,
): FilterExpression {
  const re = FILTER_RE;
  re.lastIndex = 0;
  let head: Operand | undefined;
  let haveHead = false;
  const filters: FilterCall[] = [];
  let upto = 0;
  for (let match = re.exec(token); match !== null; match = re.exec(token)) {
    if (match[0] === '') {
      re.lastIndex++;
      continue;
    }
    const start = match.index;
    if (upto !== start) {
      throw new TemplateSyntaxError(
        `Could not parse some characters: ${token.slice(0, upto)}|${token.slice(upto, start)}|${token.slice(start)}`,
      );
    }
    const groups = match.groups!;
    if (!haveHead) {
      if (groups['constant'] !== undefined) {
        head = parseOperand(groups['constant']);
      } else if (groups['variable'] === undefined) {
        throw new TemplateSyntaxError(`Could not find variable at start of ${token}.`);
      } else {
        head = parseOperand(groups['variable']);
      }
      haveHead = true;
    } else {
      const name = groups['filterName']!;
      let arg: Operand | undefined;
      if (groups['constantArg'] !== undefined) arg = parseOperand(groups['constantArg']);
      else if (groups['variableArg'] !== undefined) arg = parseOperand(groups['variableArg']);
      const spec = findFilter(name);
      if (spec === undefined) throw new TemplateSyntaxError(`Invalid filter: '${name}'`);
      checkArity(name, spec, arg !== undefined);
      if (filters.length >= MAX_FILTERS) {
        throw new TemplateSyntaxError(
          `More than ${String(MAX_FILTERS)} filters in '${token.slice(0, 40)}…'. Compute the value in the view instead.`,
        );
      }
      filters.push({ name, spec, arg });
    }
    upto = re.lastIndex;
  }
  if (upto !== token.length) {
    throw new TemplateSyntaxError(
      `Could not parse the remainder: '${token.slice(upto)}' from '${token}'`,
    );
  }
  return { head, filters, token };
}

/**
 * Filter expressions and `{% if %}` conditions evaluated from the parse tree, step for step as the
 * compiler's generated code evaluates them (same helpers, same order, same errors).
 *
 * @module
 */
import { hasBrand, markSafe, VARIABLE_DOES_NOT_EXIST_BRAND } from '@reins/core';
import { builtinFilters } from '../../filters/index.js';
import type { FilterExpression, Operand } from '../filter-expression.js';
import type { IfExpression } from '../if-expression.js';
import type { Token } from '../lexer.js';
import { pyBool } from '../python-truth.js';
import {
  pyContains,
  pyEquals,
  pyGreater,
  pyGreaterOrEqual,
  pyIs,
  pyLess,
  pyLessOrEqual,
} from '../runtime/comparison.js';
import { missingArgument, missingVariable } from '../runtime/lookup.js';
import { applySafeFilter, AUTOESCAPE_OFF, AUTOESCAPE_ON } from '../runtime/output.js';
import type { Context } from '../context.js';
import { type Frame, pathValue } from './frames.js';
import { locationInfo, type Located } from './location.js';

/** What evaluating an expression needs besides the frames: the template and the render's context. */
export interface Evaluation extends Located {
  readonly ctx: Context;
  readonly strict: boolean;
  readonly stringIfInvalid: string;
}

const UPPER = builtinFilters['upper'];
const LOWER = builtinFilters['lower'];

/** The value of a literal operand (string literals are safe strings; `-0` compiles to `0`). */
function literalValue(operand: Operand & { kind: 'literal' }): unknown {
  if (operand.isString) return markSafe(operand.value);
  const value = operand.value as number;
  return value === 0 ? 0 : value;
}

/** The value of a dotted path; `token` locates a `{{ block.super }}` error. */
export function operandPath(
  run: Evaluation,
  path: string[],
  frame: Frame | null,
  token: Token,
): unknown {
  return pathValue(path, frame, run.ctx, run, token);
}

function argument(run: Evaluation, operand: Operand, frame: Frame | null, token: Token): unknown {
  if (operand.kind === 'literal') return literalValue(operand);
  const value = operandPath(run, operand.path, frame, token);
  return value === undefined ? missingArgument(locationInfo(run, operand.raw, token)) : value;
}

/** Apply an expression's filters to `value`. */
function applyFilters(
  run: Evaluation,
  expression: FilterExpression,
  value: unknown,
  frame: Frame | null,
  ae: boolean,
  token: Token,
): unknown {
  const filters = expression.filters;
  for (let i = 0; i < filters.length; i++) {
    const call = filters[i]!;
    const spec = call.spec;
    const arg = call.arg === undefined ? undefined : argument(run, call.arg, frame, token);
    if (typeof value === 'string' && call.arg === undefined && (spec === UPPER || spec === LOWER)) {
      value = spec === UPPER ? value.toUpperCase() : value.toLowerCase();
      continue;
    }
    const c = ae ? AUTOESCAPE_ON : AUTOESCAPE_OFF;
    value = spec.isSafe ? applySafeFilter(spec, value, arg, c) : spec.fn(value, arg, c);
  }
  return value;
}

/**
 * A filter expression's value: `value` mode is Django's `resolve()` (missing → string_if_invalid,
 * filters skipped when that is non-empty; strict mode throws), `ignore` mode
 * `resolve(ignore_failures=True)`.
 */
export function expressionValue(
  run: Evaluation,
  expression: FilterExpression,
  frame: Frame | null,
  ignore: boolean,
  ae: boolean,
  token: Token,
): unknown {
  const head = expression.head;
  let value: unknown;
  if (head === undefined) value = null;
  else if (head.kind === 'literal') value = literalValue(head);
  else {
    value = operandPath(run, head.path, frame, token);
    if (!ignore && value === undefined) {
      if (run.strict) missingVariable(locationInfo(run, head.raw, token));
      else if (run.stringIfInvalid !== '') return run.stringIfInvalid.replaceAll('%s', head.raw);
      else value = '';
    }
  }
  return expression.filters.length === 0
    ? value
    : applyFilters(run, expression, value, frame, ae, token);
}

function hasVariableArgs(expression: FilterExpression): boolean {
  const filters = expression.filters;
  for (let i = 0; i < filters.length; i++) if (filters[i]!.arg?.kind === 'variable') return true;
  return false;
}

/** Whether a `{% if %}`/`{% elif %}` condition holds. */
export function conditionHolds(
  run: Evaluation,
  condition: IfExpression,
  frame: Frame | null,
  ae: boolean,
  token: Token,
): boolean {
  if (condition.kind === 'operand') {
    if (condition.expression.filters.length === 0 || !hasVariableArgs(condition.expression))
      return pyBool(expressionValue(run, condition.expression, frame, true, ae, token));
    // Django's IfNode turns a VariableDoesNotExist from a filter argument into a false condition.
    try {
      return pyBool(expressionValue(run, condition.expression, frame, true, ae, token));
    } catch (error) {
      if (!hasBrand(error, VARIABLE_DOES_NOT_EXIST_BRAND)) throw error;
      return false;
    }
  }
  return pyBool(operatorValue(run, condition, frame, ae, token));
}

/** An operator's Python value; any error in it makes it False. */
function operatorValue(
  run: Evaluation,
  condition: IfExpression,
  frame: Frame | null,
  ae: boolean,
  token: Token,
): unknown {
  if (condition.kind === 'operand')
    return expressionValue(run, condition.expression, frame, true, ae, token);
  const { op, first, second } = condition;
  try {
    if (op === 'or' || op === 'and') {
      const value = operatorValue(run, first, frame, ae, token);
      return pyBool(value) === (op === 'and')
        ? operatorValue(run, second!, frame, ae, token)
        : value;
    }
    if (op === 'not') return !pyBool(operatorValue(run, first, frame, ae, token));
    const x = operatorValue(run, first, frame, ae, token);
    const y = operatorValue(run, second!, frame, ae, token);
    switch (op) {
      case '==':
        return pyEquals(x, y);
      case '!=':
        return !pyEquals(x, y);
      case '<':
        return pyLess(x, y);
      case '<=':
        return pyLessOrEqual(x, y);
      case '>':
        return pyGreater(x, y);
      case '>=':
        return pyGreaterOrEqual(x, y);
      case 'in':
        return pyContains(y, x);
      case 'not in':
        return !pyContains(y, x);
      case 'is':
        return pyIs(x, y);
      default:
        return !pyIs(x, y);
    }
  } catch {
    return false;
  }
}

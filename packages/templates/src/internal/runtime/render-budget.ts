/**
 * The render budget at render time: one counter of steps shared by a render and everything it
 * includes, and checks of the output so far. Counted per loop iteration, include and
 * `{% lorem %}` unit — never per character — so a render with a budget costs one increment and
 * two comparisons per iteration.
 *
 * @module
 */
import {
  TemplateRenderBudgetExceeded,
  type RenderBudgetLimit,
} from '../../template-render-budget-exceeded.js';
import type { RenderBudget } from '../../render-budget.js';
import type { RenderState } from './render-state.js';

/** The budget of one render, shared by the states of its includes. */
export interface BudgetState {
  steps: number;
  readonly maxSteps: number;
  readonly maxOutputLength: number;
}

/** A fresh budget for one render, or `null` when the engine has none. */
export function startBudget(budget: RenderBudget | undefined): BudgetState | null {
  if (budget === undefined) return null;
  return {
    steps: 0,
    maxSteps: budget.maxSteps ?? Infinity,
    maxOutputLength: budget.maxOutputLength ?? Infinity,
  };
}

function exceeded(s: RenderState, limit: RenderBudgetLimit): never {
  throw new TemplateRenderBudgetExceeded(s.name, limit, s.budget![limit]);
}

/**
 * Count `count` steps, and check the output so far: `length` characters in the current
 * function's buffer plus what the templates including it had written when they included it.
 */
export function budgetStep(s: RenderState, length: number, count = 1): void {
  const budget = s.budget;
  if (budget === null) return;
  budget.steps += count;
  if (budget.steps > budget.maxSteps) exceeded(s, 'maxSteps');
  if (s.outputBefore + length > budget.maxOutputLength) exceeded(s, 'maxOutputLength');
}

/** The output budget left for the current template after `length` characters of its own. */
export function outputLeft(s: RenderState, length: number): number {
  return s.budget === null ? Infinity : s.budget.maxOutputLength - s.outputBefore - length;
}

/** Check a finished render's output (the bound on what a render returns). */
export function checkOutput(s: RenderState, output: string): string {
  if (s.budget !== null && output.length > s.budget.maxOutputLength) exceeded(s, 'maxOutputLength');
  return output;
}

/** Validate the engine option `renderBudget`. */
export function validateRenderBudget(budget: unknown): RenderBudget | undefined {
  if (budget === undefined || budget === null) return undefined;
  if (typeof budget !== 'object') {
    throw new TypeError(
      // A primitive or a function here: each has its own toString, not Object's.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      `Engine option renderBudget must be an object such as { maxSteps: 10_000_000, maxOutputLength: 10_000_000 }, got ${String(budget)}.`,
    );
  }
  const known = new Set(['maxSteps', 'maxOutputLength']);
  for (const [key, value] of Object.entries(budget)) {
    if (!known.has(key)) {
      throw new TypeError(
        `Unknown key renderBudget.${key} in the engine options: use maxSteps and/or maxOutputLength.`,
      );
    }
    if (
      value !== undefined &&
      (typeof value !== 'number' ||
        !(value > 0) ||
        (!Number.isInteger(value) && value !== Infinity))
    ) {
      throw new TypeError(
        `Engine option renderBudget.${key} must be a positive integer (or Infinity), got ${JSON.stringify(value)}.`,
      );
    }
  }
  return { ...(budget as RenderBudget) };
}

/**
 * Which templates the tree-walking renderer takes (`canInterpret`): those made only of the node
 * kinds it walks. Any other tag (cycle, ifchanged, custom tags, …) compiles at once, as do very
 * large templates: the compiler's size check must fail on the first render, as it always has.
 *
 * @module
 */
import type { FilterExpression } from '../filter-expression.js';
import type { IfExpression } from '../if-expression.js';
import type { Node } from '../nodes.js';
import type { ParsedTemplate } from '../parser.js';

// The compiler refuses a body of more than 20,000 lookups (`MAX_AWAITS`); each needs at least two
// characters of source (`.a`), so a shorter template can never fail that check.
const MAX_SOURCE = 40_000;

/** Whether `interpretTemplate` renders this template exactly as its compiled form. */
export function canInterpret(parsed: ParsedTemplate, source: string): boolean {
  return source.length <= MAX_SOURCE && parsed.nodes.every(walkable);
}

function walkable(node: Node): boolean {
  switch (node.type) {
    case 'text':
    case 'var':
    case 'extends':
    case 'include':
      return true;
    case 'block':
    case 'autoescape':
    case 'with':
      return node.body.every(walkable);
    case 'for':
      return !readsSuper(node.sequence) && node.body.every(walkable) && node.empty.every(walkable);
    case 'if':
      return node.branches.every(
        (branch) =>
          (branch.condition === undefined || !conditionReadsSuper(branch.condition)) &&
          branch.body.every(walkable),
      );
    default:
      return false;
  }
}

// The compiler locates a `{{ block.super }}` error in an `{% if %}` condition or a `{% for %}`
// sequence at the last node it compiled before it (it compiles the body first); such templates
// compile rather than copy that quirk.
function readsSuper(expression: FilterExpression): boolean {
  const isSuper = (path: string[]): boolean => path[0] === 'block' && path[1] === 'super';
  if (expression.head?.kind === 'variable' && isSuper(expression.head.path)) return true;
  return expression.filters.some((f) => f.arg?.kind === 'variable' && isSuper(f.arg.path));
}

function conditionReadsSuper(condition: IfExpression): boolean {
  if (condition.kind === 'operand') return readsSuper(condition.expression);
  return (
    conditionReadsSuper(condition.first) ||
    (condition.second !== undefined && conditionReadsSuper(condition.second))
  );
}

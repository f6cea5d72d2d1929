/**
 * `{% filter f|g %}…{% endfilter %}`: the body's output through filters.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import type { FilterExpression } from '../internal/filter-expression.js';

/** The parsed `{% filter %}`. */
export interface FilterNode {
  type: 'filter';
  expression: FilterExpression;
  body: Node[];
  token: Token;
}

/** Parse `{% filter %}`. */
export function parseFilter(parser: Parser, token: Token): Node | Node[] {
  const rest = token.contents.replace(/^\S+\s*/, '');
  const expression = parser.compileFilter(`var|${rest}`);
  for (const call of expression.filters) {
    if (call.name === 'escape' || call.name === 'safe') {
      throw new TemplateSyntaxError(
        `"filter ${call.name}" is not permitted.  Use the "autoescape" tag instead.`,
      );
    }
  }
  const body = parser.parse(['endfilter']);
  parser.nextToken();
  return { type: 'filter', expression, body, token };
}

/** Compile `{% filter %}`. */
function compileFilter(node: FilterNode, compiler: Compiler, scope: Scope): string {
  const saved = compiler.temporary();
  const t = compiler.temporary();
  const body = compiler.nodes(node.body, scope);
  const result = compiler.applyFilters(node.expression, t, scope, node.token);
  return `${saved} = o; o = '';\n${body}${t} = $markSafe(o);\no = ${saved} + $str(${result});\n`;
}

/** How the compiler and tree walks handle a `{% filter %}` node. */
export const filterNode: BuiltinNodeKind<FilterNode> = {
  compile: compileFilter,
  children: (node) => [node.body],
  sharesScope: true,
};

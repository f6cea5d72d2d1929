/**
 * `{% with a=b … %}…{% endwith %}`: JavaScript locals for the body.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Parser, Token } from './tag-types.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { nearestLoop, Scope } from '../internal/compile-scope.js';
import type { KeywordArguments, Node } from '../internal/nodes.js';
import { splitContents } from '../internal/smart-split.js';
import { tokenKwargs } from '../internal/tag-arguments.js';

/** The parsed `{% with %}`. */
export interface WithNode {
  type: 'with';
  assignments: KeywordArguments;
  body: Node[];
  token: Token;
}

/** Parse `{% with %}`. */
export function parseWith(parser: Parser, token: Token): Node | Node[] {
  const bits = splitContents(token.contents);
  const remaining = bits.slice(1);
  const assignments = tokenKwargs(remaining, parser, true);
  if (assignments.length === 0)
    throw new TemplateSyntaxError(`'${bits[0]!}' expected at least one variable assignment`);
  if (remaining.length > 0) {
    throw new TemplateSyntaxError(`'${bits[0]!}' received an invalid token: '${remaining[0]!}'`);
  }
  const body = parser.parse(['endwith']);
  parser.nextToken();
  return { type: 'with', assignments, body, token };
}

/** Compile `{% with %}`. */
function compileWith(node: WithNode, compiler: Compiler, scope: Scope): string {
  const inner = new Scope(scope, nearestLoop(scope));
  let code = '';
  const values = node.assignments.map(([name, expression]) => {
    const js = `w${String(compiler.nextId())}`;
    code += `let ${js} = ${compiler.expression(expression, scope, 'value', node.token)};\n`;
    return [name, js] as const;
  });
  for (const [name, js] of values) inner.bindings.set(name, { kind: 'local', js });
  const decls = compiler.declareAsTargets(inner, node.body);
  return `{\n${code}${decls}${compiler.nodes(node.body, inner)}}\n`;
}

/** How the compiler and tree walks handle a `{% with %}` node. */
export const withNode: BuiltinNodeKind<WithNode> = {
  compile: compileWith,
  children: (node) => [node.body],
};

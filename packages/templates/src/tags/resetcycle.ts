/**
 * `{% resetcycle [name] %}`: restart a cycle.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Parser, Scope, Token } from './tag-types.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import type { CycleInfo, Node } from '../internal/nodes.js';
import { splitContents } from '../internal/smart-split.js';

/** The parsed `{% resetcycle %}`. */
export interface ResetcycleNode {
  type: 'resetcycle';
  cycle: CycleInfo;
  token: Token;
}

/** Parse `{% resetcycle %}`. */
export function parseResetcycle(parser: Parser, token: Token): Node | Node[] {
  const args = splitContents(token.contents);
  if (args.length > 2)
    throw new TemplateSyntaxError(`'${args[0]!}' tag accepts at most one argument.`);
  if (args.length === 2) {
    const cycle = parser.namedCycles.get(args[1]!);
    if (cycle === undefined)
      throw new TemplateSyntaxError(`Named cycle '${args[1]!}' does not exist.`);
    return { type: 'resetcycle', cycle, token };
  }
  if (parser.lastCycle === undefined) throw new TemplateSyntaxError('No cycles in template.');
  return { type: 'resetcycle', cycle: parser.lastCycle, token };
}

/** Compile `{% resetcycle %}`. */
function compileResetcycle(node: ResetcycleNode, _compiler: Compiler, _scope: Scope): string {
  return `delete s.rc[${String(node.cycle.id)}];\n`;
}

/** How the compiler and tree walks handle a `{% resetcycle %}` node. */
export const resetcycleNode: BuiltinNodeKind<ResetcycleNode> = {
  compile: compileResetcycle,
};

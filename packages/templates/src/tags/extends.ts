/**
 * `{% extends parent %}`: must come first; the compiler renders the parent with this template's
 * blocks (see `Compiler.compileModule`).
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import type { FilterExpression } from '../internal/filter-expression.js';
import { containsExtends } from '../internal/node-walk.js';
import { constructRelativePath } from '../internal/relative-path.js';
import { splitContents } from '../internal/smart-split.js';

/** The parsed `{% extends %}`. */
export interface ExtendsNode {
  type: 'extends';
  parent: FilterExpression;
  token: Token;
}

/** Parse `{% extends %}`. */
export function parseExtends(parser: Parser, token: Token): Node | Node[] {
  const bits = splitContents(token.contents);
  if (bits.length !== 2) throw new TemplateSyntaxError(`'${bits[0]!}' takes one argument`);
  const parent = parser.compileFilter(constructRelativePath(parser.options.templateName, bits[1]!));
  const rest = parser.parse();
  if (containsExtends(rest)) {
    throw new TemplateSyntaxError(
      `'${bits[0]!}' cannot appear more than once in the same template`,
    );
  }
  return [{ type: 'extends', parent, token }, ...rest];
}

/** Compile `{% extends %}`. */
function compileExtends(_node: ExtendsNode, _compiler: Compiler, _scope: Scope): string {
  return '';
}

/** How the compiler and tree walks handle a `{% extends %}` node. */
export const extendsNode: BuiltinNodeKind<ExtendsNode> = {
  compile: compileExtends,
};

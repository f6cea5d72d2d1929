/**
 * `{% firstof a b … [as name] %}`: the first true value.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import type { FilterExpression } from '../internal/filter-expression.js';
import { splitContents } from '../internal/smart-split.js';

/** The parsed `{% firstof %}`. */
export interface FirstofNode {
  type: 'firstof';
  values: FilterExpression[];
  asVar: string | undefined;
  token: Token;
}

/** Parse `{% firstof %}`. */
export function parseFirstof(parser: Parser, token: Token): Node | Node[] {
  let bits = splitContents(token.contents).slice(1);
  let asVar: string | undefined;
  if (bits.length === 0)
    throw new TemplateSyntaxError("'firstof' statement requires at least one argument");
  if (bits.length >= 2 && bits[bits.length - 2] === 'as') {
    asVar = bits[bits.length - 1];
    bits = bits.slice(0, -2);
  }
  return { type: 'firstof', values: bits.map((b) => parser.compileFilter(b)), asVar, token };
}

/** Compile `{% firstof %}`. */
function compileFirstof(node: FirstofNode, compiler: Compiler, scope: Scope): string {
  const result = compiler.temporary();
  let code = `${result} = '';\n`;
  let tail = '';
  for (const value of node.values) {
    const t = compiler.temporary();
    code += `if ($truthy(${t} = ${compiler.expression(value, scope, 'ignore', node.token)})) { ${result} = $out(${t}, ${compiler.autoescapeExpression()}); } else {\n`;
    tail += '}';
  }
  code += `${tail}\n`;
  if (node.asVar === undefined) return `${code}o += ${result};\n`;
  // Django stores the rendered value: conditional_escape made it a safe string when escaping.
  const stored =
    compiler.autoescape === false
      ? result
      : compiler.autoescape === true
        ? `$markSafe(${result})`
        : `(ae ? $markSafe(${result}) : ${result})`;
  return code + compiler.assign(node.asVar, scope, stored);
}

/** How the compiler and tree walks handle a `{% firstof %}` node. */
export const firstofNode: BuiltinNodeKind<FirstofNode> = {
  compile: compileFirstof,
  assigns: (node) => node.asVar,
};

/**
 * `{% now "format" [as name] %}`: the current date.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';
import { AUTOESCAPE_OFF, pythonStr } from '../internal/runtime/output.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { builtinFilters } from '../filters/index.js';
import { jsString } from '../internal/generated-code.js';
import { splitContents } from '../internal/smart-split.js';

/** The parsed `{% now %}`. */
export interface NowNode {
  type: 'now';
  format: string;
  asVar: string | undefined;
  token: Token;
}

/** Parse `{% now %}`. */
export function parseNow(_parser: Parser, token: Token): Node | Node[] {
  let bits = splitContents(token.contents);
  let asVar: string | undefined;
  if (bits.length === 4 && bits[2] === 'as') {
    asVar = bits[3];
    bits = bits.slice(0, 2);
  }
  if (bits.length !== 2) throw new TemplateSyntaxError("'now' statement takes one argument");
  return { type: 'now', format: bits[1]!.slice(1, -1), asVar, token };
}

/** Compile `{% now %}`. */
function compileNow(node: NowNode, compiler: Compiler, scope: Scope): string {
  const call = `$now(${jsString(node.format)})`;
  return node.asVar !== undefined ? compiler.assign(node.asVar, scope, call) : `o += ${call};\n`;
}

/** `{% now %}`. */
export function nowText(format: string): string {
  const date = builtinFilters['date'];
  return date === undefined
    ? new Date().toISOString()
    : pythonStr(date.fn(new Date(), format, AUTOESCAPE_OFF));
}

/** How the compiler and tree walks handle a `{% now %}` node. */
export const nowNode: BuiltinNodeKind<NowNode> = {
  compile: compileNow,
  assigns: (node) => node.asVar,
};

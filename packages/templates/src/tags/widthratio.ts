/**
 * `{% widthratio value max width [as name] %}`: a bar width.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';
import type { FilterExpression } from '../internal/filter-expression.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { locate, type MissingInfo } from '../internal/runtime/render-state.js';
import { pyFloat, pyInt } from '../internal/python-number.js';
import { splitContents } from '../internal/smart-split.js';

/** The parsed `{% widthratio %}`. */
export interface WidthratioNode {
  type: 'widthratio';
  value: FilterExpression;
  max: FilterExpression;
  width: FilterExpression;
  asVar: string | undefined;
  token: Token;
}

/** Parse `{% widthratio %}`. */
export function parseWidthratio(parser: Parser, token: Token): Node | Node[] {
  const bits = splitContents(token.contents);
  let asVar: string | undefined;
  if (bits.length === 6) {
    if (bits[4] !== 'as')
      throw new TemplateSyntaxError("Invalid syntax in widthratio tag. Expecting 'as' keyword");
    asVar = bits[5];
  } else if (bits.length !== 4) {
    throw new TemplateSyntaxError('widthratio takes at least three arguments');
  }
  return {
    type: 'widthratio',
    value: parser.compileFilter(bits[1]!),
    max: parser.compileFilter(bits[2]!),
    width: parser.compileFilter(bits[3]!),
    asVar,
    token,
  };
}

/** Compile `{% widthratio %}`. */
function compileWidthratio(node: WidthratioNode, compiler: Compiler, scope: Scope): string {
  const call = `$widthratio(${compiler.expression(node.value, scope, 'value', node.token)}, ${compiler.expression(node.max, scope, 'value', node.token)}, ${compiler.expression(node.width, scope, 'value', node.token)}, ${compiler.locationConstant('widthratio', node.token)})`;
  return node.asVar !== undefined ? compiler.assign(node.asVar, scope, call) : `o += ${call};\n`;
}

function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** `{% widthratio %}`. */
export function widthRatio(
  value: unknown,
  max: unknown,
  width: unknown,
  info?: MissingInfo,
): string {
  let maxWidth: number;
  try {
    maxWidth = pyInt(width);
  } catch {
    const error = new TemplateSyntaxError('widthratio final argument must be a number');
    throw info === undefined ? error : locate(error, info);
  }
  try {
    const v = pyFloat(value);
    const m = pyFloat(max);
    if (m === 0) return '0';
    const ratio = (v / m) * maxWidth;
    if (!Number.isFinite(ratio)) return '';
    return String(roundHalfEven(ratio) + 0);
  } catch {
    return '';
  }
}

/** How the compiler and tree walks handle a `{% widthratio %}` node. */
export const widthratioNode: BuiltinNodeKind<WidthratioNode> = {
  compile: compileWidthratio,
  assigns: (node) => node.asVar,
};

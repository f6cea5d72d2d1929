/**
 * `{% csrf_token %}`: the CSRF hidden input.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';
import { pyBool } from '../internal/python-truth.js';
import { pythonOperand } from '../internal/runtime/comparison.js';
import { renderValue } from '../internal/runtime/output.js';

/** The parsed `{% csrf_token %}`. */
export interface CsrfTokenNode {
  type: 'csrf_token';
  token: Token;
}

/** Parse `{% csrf_token %}`. */
export function parseCsrfToken(_parser: Parser, token: Token): Node | Node[] {
  return { type: 'csrf_token', token };
}

/** Compile `{% csrf_token %}`. */
function compileCsrfToken(node: CsrfTokenNode, compiler: Compiler, scope: Scope): string {
  const token = compiler.pathExpression(['csrf_token'], scope).code;
  return `o += $csrf(${token});\n`;
}

/** `{% csrf_token %}`. */
export function csrfInput(token: unknown): string {
  if (!pyBool(token)) return '';
  if (pythonOperand(token) === 'NOTPROVIDED') return '';
  return `<input type="hidden" name="csrfmiddlewaretoken" value="${renderValue(token, true)}">`;
}

/** How the compiler and tree walks handle a `{% csrf_token %}` node. */
export const csrfTokenNode: BuiltinNodeKind<CsrfTokenNode> = {
  compile: compileCsrfToken,
};

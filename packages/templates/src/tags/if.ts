/**
 * `{% if %}…{% elif %}…{% else %}…{% endif %}` with Python operators; branches that only append
 * become one conditional expression.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Node, Parser, Scope, Token } from './tag-types.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { appendedPart } from '../internal/generated-code.js';
import type { FilterExpression } from '../internal/filter-expression.js';
import { type IfExpression, parseIfExpression } from '../internal/if-expression.js';
import { splitContents } from '../internal/smart-split.js';

// Each term nests in the generated code; beyond this a template fails cleanly.
const MAX_IF_BITS = 400;

/** The parsed `{% if %}`. */
export interface IfNode {
  type: 'if';
  branches: { condition: IfExpression | undefined; body: Node[] }[];
  token: Token;
}

/** Parse `{% if %}`. */
export function parseIf(parser: Parser, token: Token): Node | Node[] {
  const branches: {
    condition: ReturnType<typeof parseIfExpression> | undefined;
    body: Node[];
  }[] = [];
  const compile = (text: string): FilterExpression => parser.compileFilter(text);
  const ifBits = (contents: string): string[] => {
    const bits = splitContents(contents).slice(1);
    if (bits.length > MAX_IF_BITS) {
      throw new TemplateSyntaxError(
        `The if expression has more than ${String(MAX_IF_BITS)} terms. Compute the condition in the view instead.`,
      );
    }
    return bits;
  };
  let condition = parseIfExpression(ifBits(token.contents), compile);
  let body = parser.parse(['elif', 'else', 'endif']);
  branches.push({ condition, body });
  let next = parser.nextToken();
  while (next.contents.startsWith('elif')) {
    const elifToken = next;
    condition = parser.withToken(elifToken, () =>
      parseIfExpression(ifBits(elifToken.contents), compile),
    );
    body = parser.parse(['elif', 'else', 'endif']);
    branches.push({ condition, body });
    next = parser.nextToken();
  }
  if (next.contents === 'else') {
    body = parser.parse(['endif']);
    branches.push({ condition: undefined, body });
    next = parser.nextToken();
  }
  if (next.contents !== 'endif') {
    throw new TemplateSyntaxError(
      `Malformed template tag at line ${String(next.line)}: "${next.contents}"`,
    );
  }
  return { type: 'if', branches, token };
}

/** Compile `{% if %}`. */
function compileIf(node: IfNode, compiler: Compiler, scope: Scope): string {
  const branches = node.branches;
  const compiled = branches.map((branch) => ({
    body: compiler.nodes(branch.body, scope),
    condition: branch.condition === undefined ? null : condition(compiler, branch.condition, scope),
  }));
  const merged = ifExpression(compiled);
  if (merged !== null) return merged;
  let code = '';
  for (let i = compiled.length - 1; i >= 0; i--) {
    const { body, condition } = compiled[i]!;
    if (condition === null) code = body;
    else {
      const { pre, test } = condition;
      code = `${pre}if (${test}) {\n${body}}${code ? ` else {\n${code}}` : ''}\n`;
    }
  }
  return code;
}

function condition(
  compiler: Compiler,
  condition: IfExpression,
  scope: Scope,
): { pre: string; test: string } {
  if (condition.kind === 'operand') {
    const value = compiler.expression(condition.expression, scope, 'ignore', compiler.token);
    if (!hasVariableArgs(condition.expression)) return { pre: '', test: `$truthy(${value})` };
    const t = compiler.temporary();
    // Django's IfNode turns a VariableDoesNotExist from a filter argument into a false condition.
    return {
      pre: `try { ${t} = $truthy(${value}); } catch (e) { if (!$isVDNE(e)) throw e; ${t} = false; }\n`,
      test: t,
    };
  }
  const t = compiler.temporary();
  return { pre: operatorInto(compiler, condition, t, scope), test: `$truthy(${t})` };
}

/** Statements that store an operator's Python value in `target`; any error makes it False. */
function operatorInto(
  compiler: Compiler,
  condition: IfExpression,
  target: string,
  scope: Scope,
): string {
  if (condition.kind === 'operand') {
    return `${target} = ${compiler.expression(condition.expression, scope, 'ignore', compiler.token)};\n`;
  }
  const { op, first, second } = condition;
  let body: string;
  if (op === 'or' || op === 'and') {
    body =
      operatorInto(compiler, first, target, scope) +
      `if (${op === 'or' ? '!' : ''}$truthy(${target})) {\n${operatorInto(compiler, second!, target, scope)}}\n`;
  } else if (op === 'not') {
    const x = compiler.temporary();
    body = `${operatorInto(compiler, first, x, scope)}${target} = !$truthy(${x});\n`;
  } else {
    const x = compiler.temporary();
    const y = compiler.temporary();
    const compare: Record<string, string> = {
      '==': `$eq(${x}, ${y})`,
      '!=': `!$eq(${x}, ${y})`,
      '<': `$lt(${x}, ${y})`,
      '<=': `$le(${x}, ${y})`,
      '>': `$gt(${x}, ${y})`,
      '>=': `$ge(${x}, ${y})`,
      in: `$contains(${y}, ${x})`,
      'not in': `!$contains(${y}, ${x})`,
      is: `$is(${x}, ${y})`,
      'is not': `!$is(${x}, ${y})`,
    };
    body = `${operatorInto(compiler, first, x, scope)}${operatorInto(compiler, second!, y, scope)}${target} = ${compare[op]!};\n`;
  }
  return `try {\n${body}} catch { ${target} = false; }\n`;
}

function hasVariableArgs(expression: FilterExpression): boolean {
  return expression.filters.some((f) => f.arg?.kind === 'variable');
}

/**
 * An `if` whose branches only append (typically `class="{% if x %}a{% else %}b{% endif %}"`) as one
 * appended expression, `o += (test ? a : b);`, so that it joins the surrounding concatenation.
 * Conditions that need statements first (try/catch) keep the statement form.
 */
function ifExpression(
  branches: { body: string; condition: { pre: string; test: string } | null }[],
): string | null {
  let expression = "''";
  let length = 0;
  for (let i = branches.length - 1; i >= 0; i--) {
    const { body, condition } = branches[i]!;
    const value = appendedExpression(body);
    if (value === null || (condition !== null && condition.pre !== '')) return null;
    length += value.length + (condition?.test.length ?? 0);
    // Else branches past an unconditional one never run (the parser ends the chain there anyway).
    expression = condition === null ? value : `(${condition.test} ? ${value} : ${expression})`;
  }
  return length > 2000 ? null : `o += ${expression};\n`;
}

const STRING_LITERAL_RE = /^"(?:[^"\\]|\\.)*"$/;

/**
 * The appended value of code that only appends (`''` for no code), as one string expression, or
 * `null`. A leading `''` keeps `+` a string concatenation when the first parts are numbers.
 */
function appendedExpression(code: string): string | null {
  if (code === '') return "''";
  const single = appendedPart(code);
  if (single !== null) return STRING_LITERAL_RE.test(single) ? single : `('' + ${single})`;
  const many = /^o = o \+ ([^\n]*);\n$/.exec(code);
  return many === null ? null : `('' + ${many[1]!})`;
}

/** How the compiler and tree walks handle a `{% if %}` node. */
export const ifNode: BuiltinNodeKind<IfNode> = {
  compile: compileIf,
  children: (node) => node.branches.map((branch) => branch.body),
  sharesScope: true,
};

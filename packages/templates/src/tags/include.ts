/**
 * `{% include name [with k=v…] [only] %}`: render another template with this context.
 *
 * @module
 */
import type { BuiltinNodeKind, Compiler, Parser, Scope, Token } from './tag-types.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import type { FilterExpression } from '../internal/filter-expression.js';
import { jsString } from '../internal/generated-code.js';
import { IncludeLink } from '../internal/runtime/include-link.js';
import type { KeywordArguments, Node } from '../internal/nodes.js';
import { constructRelativePath } from '../internal/relative-path.js';
import { splitContents } from '../internal/smart-split.js';
import { tokenKwargs } from '../internal/tag-arguments.js';

/** The parsed `{% include %}`. */
export interface IncludeNode {
  type: 'include';
  template: FilterExpression;
  extra: KeywordArguments;
  only: boolean;
  token: Token;
}

/** Parse `{% include %}`. */
export function parseInclude(parser: Parser, token: Token): Node | Node[] {
  const bits = splitContents(token.contents);
  if (bits.length < 2) {
    throw new TemplateSyntaxError(
      `'${bits[0]!}' tag takes at least one argument: the name of the template to be included.`,
    );
  }
  const remaining = bits.slice(2);
  const seen = new Set<string>();
  let extra: KeywordArguments = [];
  let only = false;
  while (remaining.length > 0) {
    const option = remaining.shift()!;
    if (seen.has(option))
      throw new TemplateSyntaxError(`The '${option}' option was specified more than once.`);
    if (option === 'with') {
      extra = tokenKwargs(remaining, parser, false);
      if (extra.length === 0) {
        throw new TemplateSyntaxError(
          `"with" in '${bits[0]!}' tag needs at least one keyword argument.`,
        );
      }
    } else if (option === 'only') {
      only = true;
    } else {
      throw new TemplateSyntaxError(`Unknown argument for '${bits[0]!}' tag: '${option}'.`);
    }
    seen.add(option);
  }
  const template = parser.compileFilter(
    constructRelativePath(parser.options.templateName, bits[1]!),
  );
  return { type: 'include', template, extra, only, token };
}

/** Compile `{% include %}`. */
function compileInclude(node: IncludeNode, compiler: Compiler, scope: Scope): string {
  const head = node.template.head;
  // A literal name is found once per engine cache (see IncludeLink); '' is an error.
  const literal =
    node.template.filters.length === 0 &&
    head?.kind === 'literal' &&
    head.isString &&
    head.value !== ''
      ? (head.value as string)
      : null;
  const name =
    literal === null ? compiler.expression(node.template, scope, 'value', node.token) : 'null';
  const link = compiler.constant(new IncludeLink(literal, compiler.options.templateName));
  const extra = compiler.keywordObject(node.extra, scope, node.token);
  const site = jsString(`${compiler.options.templateName}#${String(compiler.nextId())}`);
  return compiler.countedAppend(
    (length) =>
      `${compiler.asyncMode ? 'await $includeA' : '$include'}(ctx, s, ${compiler.autoescapeExpression()}, ${name}, ${link}, ${node.only ? 'null' : compiler.snapshot(scope)}, ${extra}, ${String(node.only)}, ${length}, ${site})`,
  );
}

/** How the compiler and tree walks handle a `{% include %}` node. */
export const includeNode: BuiltinNodeKind<IncludeNode> = {
  compile: compileInclude,
};

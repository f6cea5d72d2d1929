/**
 * Runs a `Library.tag()` compile function against the parser: the `TagParser` it receives records
 * every expression and body it compiles in the tag's `TagRecord`, which becomes a `tag` node.
 *
 * @module
 */
import type { TagCompileFunction, TagParser, TagToken } from '../tag-definition.js';
import type { Token } from './lexer.js';
import type { Node } from './nodes.js';
import type { Parser } from './parser.js';
import { splitContents } from './smart-split.js';
import { OwnedTagExpression, OwnedTagNodeList, type TagRecord } from './tag-record.js';

function tagToken(token: Token): TagToken {
  return {
    contents: token.contents,
    line: token.line,
    splitContents: () => splitContents(token.contents),
  };
}

/** Parse one occurrence of a library tag into a `tag` node. */
export function parseLibraryTag(
  parser: Parser,
  token: Token,
  name: string,
  compile: TagCompileFunction,
): Node {
  const record: TagRecord = { name, node: undefined, expressions: [], bodies: [] };
  const tagParser: TagParser = {
    tagName: name,
    templateName: parser.options.templateName,
    compileFilter(text) {
      record.expressions.push(parser.compileFilter(text));
      return new OwnedTagExpression(text, record, record.expressions.length - 1);
    },
    parse(until) {
      record.bodies.push(parser.parse([...until]));
      return new OwnedTagNodeList(record, record.bodies.length - 1);
    },
    nextToken: () => tagToken(parser.nextToken()),
    skipPast: (endTag) => parser.skipPast(endTag),
    error: (message) => parser.error(token, message),
  };
  const node = compile(tagParser, tagToken(token));
  if (typeof (node as { render?: unknown } | null)?.render !== 'function') {
    throw new TypeError(
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the user's wrong return value, shown as JavaScript shows it
      `The compile function of tag '${name}' returned ${String(node)}; return a node object with a render(context) method.`,
    );
  }
  record.node = node;
  return { type: 'tag', record, token };
}

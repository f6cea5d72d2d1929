/**
 * Turns tokens into the node tree (`parseTemplate`) with Django's error messages; each built-in
 * tag's syntax is in its module under `src/tags/`. Simple and inclusion tags from `{% load %}`-ed
 * libraries become `custom` nodes, `Library.tag()` tags `tag` nodes.
 *
 * @module
 */
import type { FilterSpec } from '../filters/filter-spec.js';
import type { Library, TagDefinition } from '../library.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { BUILTIN_TAGS } from '../tags/builtin-tags.js';
import { parseFilterExpression, type FilterExpression } from './filter-expression.js';
import { BLOCK, COMMENT, isAsciiSpace, TEXT, tokenize, VAR, type Token } from './lexer.js';
import { parseLibraryTag } from './library-tag-parser.js';
import type { CycleInfo, Node } from './nodes.js';
import { pySplit, splitContents } from './smart-split.js';
import { parseCallBits } from './tag-arguments.js';

/** What the parser needs from the engine. */
export interface ParseOptions {
  templateName: string | undefined;
  builtinFilters: Record<string, FilterSpec>;
  libraries: Record<string, Library>;
  builtins: Library[];
}

/** The parse result: the node list plus facts the compiler needs. */
export interface ParsedTemplate {
  nodes: Node[];
  extendsNode: (Node & { type: 'extends' }) | undefined;
  leadingText: string;
}

type TagParser = (parser: Parser, token: Token) => Node | Node[];

/**
 * Nesting limits, so that a pathological template fails with TemplateSyntaxError rather than a
 * stack overflow in the parser or compiler (Django itself stops around 300 levels with Python's
 * RecursionError).
 */
const MAX_NESTING = 200;

function englishList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}

/** The parser state of one template. */
export class Parser {
  readonly tokens: Token[];
  pos = 0;
  /** Tags and filters added by `{% load %}` and builtins libraries; the built-ins are looked up after. */
  readonly tags = new Map<string, TagParser>();
  readonly filters = new Map<string, FilterSpec>();
  readonly commandStack: [string, Token][] = [];
  readonly loadedBlocks = new Set<string>();
  readonly namedCycles = new Map<string, CycleInfo>();
  lastCycle: CycleInfo | undefined;
  readonly options: ParseOptions;
  readonly source: string;

  constructor(source: string, options: ParseOptions) {
    this.source = source;
    this.tokens = tokenize(source);
    this.options = options;
    for (const library of options.builtins) this.addLibrary(library.tags, library.filters);
  }

  addLibrary(tags: Record<string, TagDefinition>, filters: Record<string, FilterSpec>): void {
    for (const [name, tag] of Object.entries(tags)) this.tags.set(name, customTagParser(name, tag));
    for (const [name, spec] of Object.entries(filters)) this.filters.set(name, spec);
  }

  findTag(name: string): TagParser | undefined {
    return this.tags.get(name) ?? builtinTag(name);
  }

  findFilter(name: string): FilterSpec | undefined {
    const builtins = this.options.builtinFilters;
    return this.filters.get(name) ?? (Object.hasOwn(builtins, name) ? builtins[name] : undefined);
  }

  parse(parseUntil: string[] = []): Node[] {
    const nodes: Node[] = [];
    let containsNonText = false;
    while (this.pos < this.tokens.length) {
      const token = this.tokens[this.pos++]!;
      if (token.type === TEXT) {
        nodes.push({ type: 'text', text: token.contents, token });
      } else if (token.type === VAR) {
        if (token.contents === '')
          throw this.error(token, `Empty variable tag on line ${String(token.line)}`);
        let expression: FilterExpression;
        try {
          expression = this.compileFilter(token.contents);
        } catch (error) {
          throw this.located(error, token);
        }
        nodes.push({ type: 'var', expression, token });
        containsNonText = true;
      } else if (token.type === BLOCK) {
        const command = commandOf(token.contents);
        if (command === undefined)
          throw this.error(token, `Empty block tag on line ${String(token.line)}`);
        if (parseUntil.includes(command)) {
          this.pos--;
          return nodes;
        }
        this.commandStack.push([command, token]);
        if (this.commandStack.length > MAX_NESTING) {
          throw this.error(
            token,
            `Tags are nested more than ${String(MAX_NESTING)} levels deep on line ${String(token.line)}. Split the template with {% include %} or simplify it.`,
          );
        }
        const tagParser = this.findTag(command);
        if (tagParser === undefined) this.invalidBlockTag(token, command, parseUntil);
        let result: Node | Node[];
        try {
          result = tagParser(this, token);
        } catch (error) {
          throw this.located(error, token);
        }
        if (Array.isArray(result)) {
          for (const node of result)
            containsNonText = this.#add(nodes, node, token, containsNonText);
        } else containsNonText = this.#add(nodes, result, token, containsNonText);
        this.commandStack.pop();
      } else if (token.type === COMMENT) {
        // Comments produce no node.
      }
    }
    if (parseUntil.length > 0) this.unclosedBlockTag(parseUntil);
    return nodes;
  }

  /** Append a tag's node; returns whether the list now holds something other than text. */
  #add(nodes: Node[], node: Node, token: Token, containsNonText: boolean): boolean {
    if (node.type === 'extends' && containsNonText) {
      throw this.error(
        token,
        `<ExtendsNode: extends ${node.parent.token}> must be the first tag in the template.`,
      );
    }
    nodes.push(node);
    return containsNonText || node.type !== 'text';
  }

  nextToken(): Token {
    const token = this.tokens[this.pos++];
    if (token === undefined) throw new TemplateSyntaxError('Unexpected end of template.');
    return token;
  }

  skipPast(endTag: string): void {
    while (this.pos < this.tokens.length) {
      const token = this.tokens[this.pos++]!;
      if (token.type === BLOCK && token.contents === endTag) return;
    }
    this.unclosedBlockTag([endTag]);
  }

  compileFilter(text: string): FilterExpression {
    return parseFilterExpression(text, (name) => this.findFilter(name));
  }

  invalidBlockTag(token: Token, command: string, parseUntil: string[]): never {
    if (parseUntil.length > 0) {
      throw this.error(
        token,
        `Invalid block tag on line ${String(token.line)}: '${command}', expected ${englishList(parseUntil.map((p) => `'${p}'`))}. Did you forget to register or load this tag?`,
      );
    }
    throw this.error(
      token,
      `Invalid block tag on line ${String(token.line)}: '${command}'. Did you forget to register or load this tag?`,
    );
  }

  unclosedBlockTag(parseUntil: string[]): never {
    const [command, token] = this.commandStack.pop()!;
    throw this.error(
      token,
      `Unclosed tag on line ${String(token.line)}: '${command}'. Looking for one of: ${parseUntil.join(', ')}.`,
    );
  }

  /** Run `fn`, attaching this token's location to any syntax error it raises. */
  withToken<T>(token: Token, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw this.located(error, token);
    }
  }

  /** `error`, with this token's location when it is a syntax error. */
  located(error: unknown, token: Token): unknown {
    return TemplateSyntaxError.isInstance(error) ? this.locate(error, token) : error;
  }

  error(token: Token, message: string): TemplateSyntaxError {
    return this.locate(new TemplateSyntaxError(message), token);
  }

  locate(error: TemplateSyntaxError, token: Token): TemplateSyntaxError {
    return error.setLocation(locationOf(this.source, token, this.options.templateName));
  }
}

/** Line, column and source line of a token. */
export function locationOf(
  source: string,
  token: { line: number; offset: number },
  templateName: string | undefined,
): { templateName: string; line: number; column: number; sourceLine: string } {
  const lineStart = source.lastIndexOf('\n', token.offset - 1) + 1;
  let lineEnd = source.indexOf('\n', token.offset);
  if (lineEnd === -1) lineEnd = source.length;
  return {
    templateName: templateName ?? '<string>',
    line: token.line,
    column: token.offset - lineStart + 1,
    sourceLine: source.slice(lineStart, lineEnd),
  };
}

/** The first word of a block tag's (stripped) contents: `pySplit(contents)[0]`, ASCII by hand. */
function commandOf(contents: string): string | undefined {
  for (let i = 0; i < contents.length; i++) {
    const code = contents.charCodeAt(i);
    if (isAsciiSpace(code)) return contents.slice(0, i);
    if (code >= 128) return pySplit(contents)[0];
  }
  return contents === '' ? undefined : contents;
}

// A Map answers the parser's one lookup per tag faster than `Object.hasOwn` on the table; made
// on first use, as the table's modules import this one.
let builtinTags: Map<string, TagParser> | undefined;

function builtinTag(name: string): TagParser | undefined {
  return (builtinTags ??= new Map(Object.entries(BUILTIN_TAGS))).get(name);
}

function customTagParser(name: string, tag: TagDefinition): TagParser {
  if (tag.kind === 'tag')
    return (parser, token) => parseLibraryTag(parser, token, name, tag.compile);
  return (parser, token) => {
    const bits = splitContents(token.contents).slice(1);
    const { args, kwargs, asVar } = parseCallBits(name, bits, parser, tag.kind === 'simple');
    return { type: 'custom', name, tag, args, kwargs, asVar, token };
  };
}

/** Parse a whole template. */
export function parseTemplate(source: string, options: ParseOptions): ParsedTemplate {
  const parser = new Parser(source, options);
  const nodes = parser.parse();
  let leadingText = '';
  let extendsNode: (Node & { type: 'extends' }) | undefined;
  for (const node of nodes) {
    if (node.type === 'extends') {
      extendsNode = node;
      break;
    }
    if (node.type === 'text') leadingText += node.text;
  }
  return { nodes, extendsNode, leadingText };
}

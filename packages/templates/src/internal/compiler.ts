/**
 * Compiles a parsed template to JavaScript (`compileTemplate`): one function for the template body
 * and one per `{% block %}`, built with `new Function` from the parse tree only. Every
 * template-supplied string is embedded with `JSON.stringify` or passed as a constant; nothing from
 * a render context is ever compiled. Loop and `with` variables become JavaScript locals, `forloop`
 * counters become index arithmetic, and output is plain string concatenation; only names the
 * template cannot know (the caller's context) are looked up in the context stack.
 *
 * @module
 */
import { builtinFilters } from '../filters/index.js';
import { markSafe } from '../safe-string.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import type { FilterExpression, Operand } from './filter-expression.js';
import type { IfExpression } from './if-expression.js';
import type { Token } from './lexer.js';
import type { Node } from './nodes.js';
import { childLists, locationOf, type ParsedTemplate } from './parser.js';
import {
  BLOCKED_NAMES,
  RUNTIME_HELPERS,
  type CompiledTemplate,
  type MissingInfo,
  type RuntimeHelperName,
  type RuntimeTemplate,
} from './runtime.js';

/** Compile-time settings. */
export interface CompileOptions {
  templateName: string;
  source: string;
  stringIfInvalid: string;
  strict: boolean;
  asyncMode: boolean;
}

interface LoopInfo {
  id: number;
  parent: LoopInfo | null;
  materialize: boolean;
  needsParent: boolean;
  pre: string[];
}

type Binding =
  | { kind: 'local'; js: string }
  | { kind: 'as'; js: string }
  | { kind: 'forloop'; loop: LoopInfo }
  | { kind: 'block' };

class Scope {
  readonly bindings = new Map<string, Binding>();
  constructor(
    readonly parent: Scope | null,
    readonly loop: LoopInfo | null,
  ) {}
}

const COUNTERS: Record<string, (l: LoopInfo) => string> = {
  counter: (l) => `(i${String(l.id)} + 1)`,
  counter0: (l) => `i${String(l.id)}`,
  revcounter: (l) => `(n${String(l.id)} - i${String(l.id)})`,
  revcounter0: (l) => `(n${String(l.id)} - i${String(l.id)} - 1)`,
  first: (l) => `(i${String(l.id)} === 0)`,
  last: (l) => `(i${String(l.id)} === n${String(l.id)} - 1)`,
};

const HELPERS = Object.keys(RUNTIME_HELPERS) as RuntimeHelperName[];

const jsString = (text: string): string => JSON.stringify(text);
// A quoted `"__proto__": value` in an object literal would set the prototype; computed keys don't.
const jsKey = (name: string): string =>
  name === '__proto__' ? `[${jsString(name)}]` : jsString(name);
// A statement that only appends one expression (expressions never contain a newline).
const MAX_PARTS = 24;
// V8 aborts the process when one async function holds more than about 30,000 await points.
const MAX_AWAITS = 20_000;
// Every call that becomes an await point in the async variant (the sync variant has the same calls).
const LOOKUP_CALL_RE =
  /\$(?:getB|get|cv|include|blockSuper|block|extend|iter|inclusion|simple|libraryTag)A?\(/g;
const ATTR_CALL_RE = /\$attr\(/g;
const APPEND_RE = /^o \+= ([^\n]*);\n$/;
// Built-in filters that are one string method on a plain string (`stringValue(v).toUpperCase()`).
const INLINE_STRING_FILTERS = new Map<unknown, string>([
  [builtinFilters['upper'], 'toUpperCase'],
  [builtinFilters['lower'], 'toLowerCase'],
]);
const NO_TOKEN: Token = { type: 0, contents: '', line: 0, offset: 0 };

function hasVariableArgs(expression: FilterExpression): boolean {
  return expression.filters.some((f) => f.arg?.kind === 'variable');
}

/** Compile a parsed template into its sync or async JavaScript form. */
export function compileTemplate(
  parsed: ParsedTemplate,
  options: CompileOptions,
  self: RuntimeTemplate,
): CompiledTemplate {
  const compiler = new Compiler(options);
  const code = compiler.compileModule(parsed);
  // The code is generated from the parse tree alone; template text only enters through
  // JSON.stringify'd literals and the constants array K.
  const factory = new Function('rt', 'K', 'self', code) as (
    rt: typeof RUNTIME_HELPERS,
    K: unknown[],
    self: RuntimeTemplate,
  ) => CompiledTemplate;
  return factory(RUNTIME_HELPERS, compiler.constants, self);
}

/** Generated code of one JavaScript function. */
class FunctionState {
  temps = 0;
  tmp(): string {
    return `t${String(this.temps++)}`;
  }
}

class Compiler {
  readonly constants: unknown[] = [];
  readonly options: CompileOptions;
  readonly functions: string[] = [];
  readonly blockNames: [string, string][] = [];
  private uid = 0;
  private ae: boolean | null = null;
  private token: Token = NO_TOKEN;
  private fn = new FunctionState();
  private readonly A: boolean;

  constructor(options: CompileOptions) {
    this.options = options;
    this.A = options.asyncMode;
  }

  private id(): number {
    return ++this.uid;
  }

  private k(value: unknown): string {
    this.constants.push(value);
    return `K[${String(this.constants.length - 1)}]`;
  }

  private aeExpr(): string {
    return this.ae === null ? 'ae' : String(this.ae);
  }

  private info(name: string, token: Token): string {
    const loc = locationOf(this.options.source, token, this.options.templateName);
    const info: MissingInfo = {
      name,
      template: loc.templateName,
      line: loc.line,
      column: loc.column,
      sourceLine: loc.sourceLine,
    };
    return this.k(info);
  }

  /** Await a value in async mode only if it is a promise. */
  private aw(expression: string): string {
    if (!this.A) return expression;
    const t = this.fn.tmp();
    return `(${t} = ${expression}, typeof ${t} === 'object' && ${t} !== null && typeof ${t}.then === 'function' ? await ${t} : ${t})`;
  }

  compileModule(parsed: ParsedTemplate): string {
    let main: string;
    if (parsed.extendsNode !== undefined) {
      const body = this.functionBody(new Scope(null, null), (scope) => {
        for (const node of parsed.nodes) this.collectBlocks(node);
        const extendsNode = parsed.extendsNode!;
        const parent = this.expression(extendsNode.parent, scope, 'value', extendsNode.token);
        const head = extendsNode.parent.head;
        const variable =
          head?.kind === 'variable' && extendsNode.parent.filters.length === 0 ? head.raw : null;
        return (
          (parsed.leadingText ? `o += ${jsString(parsed.leadingText)};\n` : '') +
          `o += ${this.A ? 'await $extendA' : '$extend'}(ctx, s, ae, ${parent}, blocks, self, ${variable === null ? 'null' : jsString(variable)}, ${this.info('extends', extendsNode.token)});\n`
        );
      });
      main = this.fnText('main', '', body);
    } else {
      const body = this.functionBody(
        new Scope(null, null),
        (scope) => this.declareAsTargets(scope, parsed.nodes) + this.nodes(parsed.nodes, scope),
      );
      main = this.fnText('main', '', body);
    }
    const blocks = this.blockNames.map(([name, fn]) => `${jsKey(name)}: ${fn}`).join(', ');
    const body = `${this.functions.join('\n')}\n${main}\nconst blocks = { ${blocks} };\nreturn { main, blocks };`;
    // Declare only the runtime helpers this template uses (less code for V8 to parse per compile).
    const mentioned = helperNames(body);
    const used = HELPERS.filter((name) => mentioned.has(name));
    const helpers =
      used.length > 0 ? `const ${used.map((name) => `$${name} = rt.${name}`).join(', ')};\n` : '';
    return `'use strict';\n${helpers}${this.hoisted.join('\n')}\n${body}`;
  }

  private fnText(name: string, extraParams: string, body: string): string {
    return `${this.A ? 'async ' : ''}function ${name}(ctx, s, ae${extraParams}) {\n${body}}`;
  }

  /** Generate a function body with its own temporaries and autoescape state. */
  private functionBody(scope: Scope, generate: (scope: Scope) => string): string {
    const savedFn = this.fn;
    const savedAe = this.ae;
    this.fn = new FunctionState();
    this.ae = null;
    const code = generate(scope);
    // Counted the same way in both modes, so a template compiles (or fails) alike sync and async.
    // `$attr(` stands for the `$cvA(` + `$getA(` pair of the async variant.
    // Every counted call takes at least three characters per count, so short code needs no count.
    const lookups =
      code.length <= 3 * MAX_AWAITS
        ? 0
        : (code.match(LOOKUP_CALL_RE)?.length ?? 0) + 2 * (code.match(ATTR_CALL_RE)?.length ?? 0);
    if (lookups > MAX_AWAITS) {
      throw new TemplateSyntaxError(
        `Template '${this.options.templateName}' is too large to compile: ${String(lookups)} lookups, includes and blocks in one body (at most ${String(MAX_AWAITS)}). Split it with {% include %} or blocks.`,
      );
    }
    const temps = Array.from({ length: this.fn.temps }, (_, i) => `t${String(i)}`);
    this.fn = savedFn;
    this.ae = savedAe;
    return `let o = ''${temps.length > 0 ? `, ${temps.join(', ')}` : ''};\n${code}return o;\n`;
  }

  /** Compile blocks found outside other blocks (in a child template, where nothing else renders). */
  private collectBlocks(node: Node): void {
    if (node.type === 'block') {
      this.blockFunction(node);
      return;
    }
    for (const list of childLists(node)) for (const child of list) this.collectBlocks(child);
  }

  private blockFunction(node: Node & { type: 'block' }): string {
    const name = `b${String(this.id())}`;
    const scope = new Scope(null, null);
    scope.bindings.set('block', { kind: 'block' });
    const body = this.functionBody(scope, (inner) => {
      const decls = this.declareAsTargets(inner, node.body);
      return decls + this.nodes(node.body, inner);
    });
    this.functions.push(this.fnText(name, ', blk', body));
    this.blockNames.push([node.name, name]);
    return name;
  }

  // ---- as-targets ----------------------------------------------------------------------------

  private declareAsTargets(scope: Scope, nodes: Node[]): string {
    let decls = '';
    for (const name of collectAsTargets(nodes)) {
      if (scope.bindings.has(name)) continue;
      const js = `a${String(this.id())}`;
      scope.bindings.set(name, { kind: 'as', js });
      decls += `let ${js};\n`;
    }
    return decls;
  }

  /** Assign a variable the way `context[name] = value` does (innermost scope). */
  private assign(name: string, scope: Scope, value: string): string {
    for (let s: Scope | null = scope; s !== null; s = s.parent) {
      const binding = s.bindings.get(name);
      if (binding?.kind === 'local' || binding?.kind === 'as') return `${binding.js} = ${value};\n`;
    }
    throw new Error(`internal: no binding for ${name}`);
  }

  /** `context.set_upward(name, value)`: the innermost scope that defines `name`, else the current one. */
  private assignUpward(name: string, scope: Scope, value: string): string {
    const chain: Binding[] = [];
    for (let s: Scope | null = scope; s !== null; s = s.parent) {
      const binding = s.bindings.get(name);
      if (binding === undefined) continue;
      chain.push(binding);
      if (binding.kind !== 'as') break;
    }
    let code = '';
    for (const binding of chain) {
      if (binding.kind === 'local') return `${code}{ ${binding.js} = ${value}; }\n`;
      if (binding.kind === 'as')
        code += `if (${binding.js} !== undefined) { ${binding.js} = ${value}; } else `;
    }
    return `${code}{ ${this.assign(name, scope, value)} }\n`;
  }

  // ---- lookups -------------------------------------------------------------------------------

  private findBinding(
    name: string,
    scope: Scope | null,
  ): { binding: Binding; scope: Scope } | undefined {
    for (let s = scope; s !== null; s = s.parent) {
      const binding = s.bindings.get(name);
      if (binding !== undefined) return { binding, scope: s };
    }
    return undefined;
  }

  /** The raw value of a bare name (before calling it). */
  private nameExpression(name: string, scope: Scope | null): string {
    const found = this.findBinding(name, scope);
    if (found === undefined) {
      if (name === 'None') return 'null';
      if (name === 'True') return 'true';
      if (name === 'False') return 'false';
      return BLOCKED_NAMES.has(name)
        ? `ctx.getOwn(${jsString(name)})`
        : `ctx.get(${jsString(name)})`;
    }
    const { binding } = found;
    switch (binding.kind) {
      case 'local':
        return binding.js;
      case 'as':
        return `(${binding.js} !== undefined ? ${binding.js} : ${this.nameExpression(name, found.scope.parent)})`;
      case 'forloop':
        return this.materialize(binding.loop);
      case 'block':
        return 'blk';
    }
  }

  private materialize(loop: LoopInfo): string {
    loop.materialize = true;
    if (loop.parent !== null) this.materialize(loop.parent);
    else loop.needsParent = true;
    return `fl${String(loop.id)}`;
  }

  /** The value of a dotted path, `undefined` when missing. */
  private pathExpression(
    path: string[],
    scope: Scope,
  ): { code: string; kind: 'number' | 'boolean' | 'any' } {
    const [name, ...rest] = path as [string, ...string[]];
    const found = this.findBinding(name, scope);
    let code: string;
    let k = 0;
    let kind: 'number' | 'boolean' | 'any' = 'any';
    if (found?.binding.kind === 'forloop') {
      let loop = found.binding.loop;
      for (;;) {
        const attr = rest[k];
        if (attr === 'parentloop') {
          k++;
          if (loop.parent !== null) {
            loop = loop.parent;
            continue;
          }
          loop.needsParent = true;
          code = `pl${String(loop.id)}`;
          break;
        }
        if (attr !== undefined && Object.hasOwn(COUNTERS, attr)) {
          k++;
          code = COUNTERS[attr]!(loop);
          kind = attr === 'first' || attr === 'last' ? 'boolean' : 'number';
          break;
        }
        code = this.materialize(loop);
        break;
      }
    } else if (found?.binding.kind === 'block' && rest[0] === 'super') {
      k = 1;
      const info = this.info('block.super', this.token);
      code = this.A ? `(await $blockSuperA(blk, ${info}))` : `$blockSuper(blk, ${info})`;
    } else {
      code = this.nameExpression(name, scope);
      const constant =
        found === undefined && (name === 'None' || name === 'True' || name === 'False');
      if (!this.A && !constant && rest.length > 0 && !BLOCKED_NAMES.has(rest[0]!)) {
        // `name.key`: one call with a plain-object fast path (same result as $get($cv(…))).
        code = `$attr(${code}, ${jsString(rest[0]!)})`;
        k = 1;
      } else if (!constant) {
        code = this.aw(`${this.A ? '$cvA' : '$cv'}(${code})`);
      }
    }
    for (; k < rest.length; k++) {
      kind = 'any';
      const key = rest[k]!;
      const blocked = BLOCKED_NAMES.has(key);
      const fn = this.A ? (blocked ? '$getBA' : '$getA') : blocked ? '$getB' : '$get';
      code = this.aw(`${fn}(${code}, ${jsString(key)})`);
    }
    return { code, kind };
  }

  private readonly filterFunctions = new Map<unknown, { spec: string; fn: string }>();

  /** A filter's spec and function, hoisted to module constants (one property load per compile). */
  private filterFunction(spec: unknown): { spec: string; fn: string } {
    let entry = this.filterFunctions.get(spec);
    if (entry === undefined) {
      const index = this.filterFunctions.size;
      entry = { spec: `S${String(index)}`, fn: `F${String(index)}` };
      this.filterFunctions.set(spec, entry);
      this.hoisted.push(`const ${entry.spec} = ${this.k(spec)}, ${entry.fn} = ${entry.spec}.fn;`);
    }
    return entry;
  }

  private readonly hoisted: string[] = [];

  private literal(operand: Operand & { kind: 'literal' }): string {
    if (operand.isString) return this.k(markSafe(operand.value));
    const value = operand.value as number;
    return Number.isNaN(value)
      ? 'NaN'
      : value === Infinity
        ? 'Infinity'
        : value === -Infinity
          ? '-Infinity'
          : String(value);
  }

  private argument(operand: Operand, scope: Scope, token: Token): string {
    if (operand.kind === 'literal') return this.literal(operand);
    const t = this.fn.tmp();
    const path = this.pathExpression(operand.path, scope).code;
    return `((${t} = ${path}) === undefined ? $noArg(${this.info(operand.raw, token)}) : ${t})`;
  }

  private applyFilters(
    expression: FilterExpression,
    value: string,
    scope: Scope,
    token: Token,
  ): string {
    for (const call of expression.filters) {
      const arg = call.arg === undefined ? 'undefined' : this.argument(call.arg, scope, token);
      const spec = this.filterFunction(call.spec);
      const c = this.ae === null ? '(ae ? $AE_ON : $AE_OFF)' : this.ae ? '$AE_ON' : '$AE_OFF';
      const general = (input: string): string =>
        call.spec.isSafe
          ? `$fs(${spec.spec}, ${input}, ${arg}, ${c})`
          : `${spec.fn}(${input}, ${arg}, ${c})`;
      const method = call.arg === undefined ? INLINE_STRING_FILTERS.get(call.spec) : undefined;
      if (method !== undefined) {
        // The built-in filter on a plain string is exactly this string method (and a plain
        // string is not safe, so `isSafe` changes nothing); anything else calls the filter. The
        // method is called through a constant reference: see fast-escape.ts for why.
        const t = this.fn.tmp();
        value = `(typeof (${t} = ${value}) === 'string' ? $${method}.call(${t}) : ${general(t)})`;
      } else {
        value = general(value);
      }
    }
    return value;
  }

  /**
   * A filter expression's value. `value` mode is Django's plain `resolve()` (missing → the engine's
   * string_if_invalid, filters skipped when that is non-empty; strict mode throws); `ignore` mode is
   * `resolve(ignore_failures=True)` (missing → None).
   */
  private expression(
    expression: FilterExpression,
    scope: Scope,
    mode: 'value' | 'ignore',
    token: Token,
  ): string {
    const head = expression.head;
    let value: string;
    if (head === undefined) value = 'null';
    else if (head.kind === 'literal') value = this.literal(head);
    else {
      const path = this.pathExpression(head.path, scope).code;
      if (mode === 'ignore') value = path;
      else {
        const t = this.fn.tmp();
        if (this.options.strict) {
          value = `((${t} = ${path}) === undefined ? $missing(${this.info(head.raw, token)}) : ${t})`;
        } else if (this.options.stringIfInvalid !== '') {
          const invalid = jsString(this.options.stringIfInvalid.replaceAll('%s', head.raw));
          return `((${t} = ${path}) === undefined ? ${invalid} : ${this.applyFilters(expression, t, scope, token)})`;
        } else {
          value = `((${t} = ${path}) === undefined ? '' : ${t})`;
        }
      }
    }
    return this.applyFilters(expression, value, scope, token);
  }

  private escapeExpr(text: string): string {
    return this.ae === null ? `(ae ? $esc(${text}) : ${text})` : this.ae ? `$esc(${text})` : text;
  }

  /** Output code for a value (Django's render_value_in_context). */
  private output(value: string): string {
    const t = this.fn.tmp();
    return `(typeof (${t} = ${value}) === 'string' ? ${this.escapeExpr(t)} : $out(${t}, ${this.aeExpr()}))`;
  }

  private snapshot(scope: Scope): string {
    const entries = new Map<string, string>();
    const chain: Scope[] = [];
    for (let s: Scope | null = scope; s !== null; s = s.parent) chain.unshift(s);
    for (const s of chain) {
      for (const [name, binding] of s.bindings) {
        if (binding.kind === 'block') entries.set(name, 'blk');
        else if (binding.kind === 'forloop') entries.set(name, this.materialize(binding.loop));
        else entries.set(name, binding.js);
      }
    }
    if (entries.size === 0) return 'null';
    return `{ ${Array.from(entries, ([name, js]) => `${jsKey(name)}: ${js}`).join(', ')} }`;
  }

  // ---- nodes ---------------------------------------------------------------------------------

  private nodes(nodes: Node[], scope: Scope): string {
    let code = '';
    let text = '';
    // Consecutive appends become one `o = o + a + b + …` statement (left to right from `o`, so a
    // number part is never added to another number).
    let parts: string[] = [];
    const flushText = (): void => {
      if (text !== '') parts.push(jsString(text));
      text = '';
    };
    const flush = (): void => {
      flushText();
      if (parts.length === 1) code += `o += ${parts[0]!};\n`;
      else if (parts.length > 1) code += `o = o + ${parts.join(' + ')};\n`;
      parts = [];
    };
    for (const node of nodes) {
      if (node.type === 'text') {
        text += node.text;
        continue;
      }
      if (
        node.type === 'var' &&
        node.expression.filters.length === 0 &&
        node.expression.head?.kind === 'literal'
      ) {
        text += node.expression.head.raw;
        continue;
      }
      flushText();
      const statement = this.node(node, scope);
      const append = APPEND_RE.exec(statement);
      if (append !== null) {
        parts.push(append[1]!);
        // Keep each expression small: V8 fails on single expressions with tens of thousands of
        // operands (and awaits).
        if (parts.length >= MAX_PARTS) flush();
        continue;
      }
      flush();
      code += statement;
    }
    flush();
    return code;
  }

  private node(node: Node, scope: Scope): string {
    this.token = node.token;
    switch (node.type) {
      case 'text':
        return `o += ${jsString(node.text)};\n`;
      case 'var':
        return this.variableNode(node, scope);
      case 'if':
        return this.ifNode(node.branches, scope);
      case 'for':
        return this.forNode(node, scope);
      case 'with':
        return this.withNode(node, scope);
      case 'block': {
        const fn = this.blockFunction(node);
        const call = `${this.A ? 'await $blockA' : '$block'}(ctx, s, ${this.aeExpr()}, ${jsString(node.name)}, ${fn}, ${this.snapshot(scope)})`;
        return `o += ${call};\n`;
      }
      case 'extends':
        return '';
      case 'include': {
        const name = this.expression(node.template, scope, 'value', node.token);
        const extra = this.keywordObject(node.extra, scope, node.token);
        const call = `${this.A ? 'await $includeA' : '$include'}(ctx, s, ${this.aeExpr()}, ${name}, ${node.only ? 'null' : this.snapshot(scope)}, ${extra}, ${String(node.only)}, ${jsString(this.options.templateName)})`;
        return `o += ${call};\n`;
      }
      case 'autoescape': {
        const saved = this.ae;
        this.ae = node.on;
        const code = this.nodes(node.body, scope);
        this.ae = saved;
        return code;
      }
      case 'filter': {
        const saved = this.fn.tmp();
        const t = this.fn.tmp();
        const body = this.nodes(node.body, scope);
        const result = this.applyFilters(node.expression, t, scope, node.token);
        return `${saved} = o; o = '';\n${body}${t} = $markSafe(o);\no = ${saved} + $str(${result});\n`;
      }
      case 'spaceless': {
        const saved = this.fn.tmp();
        const body = this.nodes(node.body, scope);
        return `${saved} = o; o = '';\n${body}o = ${saved} + $spaceless(o);\n`;
      }
      case 'cycle':
        return this.cycleNode(node, scope);
      case 'resetcycle':
        return `delete s.rc[${String(node.cycle.id)}];\n`;
      case 'firstof':
        return this.firstofNode(node, scope);
      case 'ifchanged':
        return this.ifchangedNode(node, scope);
      case 'regroup':
        return this.regroupNode(node, scope);
      case 'url': {
        const t = this.fn.tmp();
        const view = this.expression(node.view, scope, 'value', node.token);
        const args = node.args
          .map((a) => this.expression(a, scope, 'value', node.token))
          .join(', ');
        const kwargs = this.keywordObject(node.kwargs, scope, node.token);
        const call = `${t} = $url(s, ${view}, [${args}], ${kwargs === 'null' ? '{}' : kwargs}, ${String(node.asVar !== undefined)});\n`;
        return (
          call +
          (node.asVar !== undefined
            ? this.assign(node.asVar, scope, t)
            : `o += ${this.escapeExpr(t)};\n`)
        );
      }
      case 'now': {
        const call = `$now(${jsString(node.format)})`;
        return node.asVar !== undefined ? this.assign(node.asVar, scope, call) : `o += ${call};\n`;
      }
      case 'widthratio': {
        const call = `$widthratio(${this.expression(node.value, scope, 'value', node.token)}, ${this.expression(node.max, scope, 'value', node.token)}, ${this.expression(node.width, scope, 'value', node.token)}, ${this.info('widthratio', node.token)})`;
        return node.asVar !== undefined ? this.assign(node.asVar, scope, call) : `o += ${call};\n`;
      }
      case 'csrf_token': {
        const token = this.pathExpression(['csrf_token'], scope).code;
        return `o += $csrf(${token});\n`;
      }
      case 'debug':
        return `o += $debug(ctx, ${this.snapshot(scope)});\n`;
      case 'lorem':
        return `o += $lorem(${this.expression(node.count, scope, 'value', node.token)}, ${jsString(node.method)}, ${String(node.common)});\n`;
      case 'custom':
        return this.customNode(node, scope);
      case 'tag':
        return this.libraryTagNode(node, scope);
    }
  }

  /**
   * A `Library.tag()` node: its expressions and bodies become closures over this function's
   * locals (each with its own temporaries, so an async tag may evaluate them concurrently), called
   * by index when the node's `render` asks for them.
   */
  private libraryTagNode(node: Node & { type: 'tag' }, scope: Scope): string {
    const { record } = node;
    const expressionAt =
      record.expressions.length === 0
        ? 'null'
        : this.closure(false, () =>
            record.expressions
              .map(
                (expression, index) =>
                  `case ${String(index)}: return ${this.expression(expression, scope, 'value', node.token)};\n`,
              )
              .join(''),
          );
    const bodyAt =
      record.bodies.length === 0
        ? 'null'
        : this.closure(true, () =>
            record.bodies
              .map(
                (body, index) => `case ${String(index)}: {\n${this.nodes(body, scope)}break;\n}\n`,
              )
              .join(''),
          );
    this.token = node.token;
    const t = this.fn.tmp();
    const call = `$libraryTag(${this.k(record)}, s, ${this.aeExpr()}, ${expressionAt}, ${bodyAt})`;
    const code = `${t} = ${this.A ? this.aw(call) : `$sync(${call})`};\n`;
    return (
      code +
      (record.node?.asVar !== undefined
        ? this.assign(record.node.asVar, scope, t)
        : `o += $libraryTagText(${t});\n`)
    );
  }

  /**
   * `(i) => { switch (i) { … } }` over the cases `generate` returns, generated with fresh
   * temporaries; `output` closures collect into their own `o` and return it. Async only when the
   * code awaits.
   */
  private closure(output: boolean, generate: () => string): string {
    const savedFn = this.fn;
    this.fn = new FunctionState();
    const cases = generate();
    const temps = Array.from({ length: this.fn.temps }, (_, i) => `t${String(i)}`);
    this.fn = savedFn;
    const locals = [...(output ? ["o = ''"] : []), ...temps];
    const body =
      (locals.length > 0 ? `let ${locals.join(', ')};\n` : '') +
      `switch (i) {\n${cases}}\n` +
      (output ? 'return o;\n' : '');
    return `(${this.A && cases.includes('await ') ? 'async ' : ''}(i) => {\n${body}})`;
  }

  private keywordObject(kwargs: [string, FilterExpression][], scope: Scope, token: Token): string {
    if (kwargs.length === 0) return 'null';
    return `{ ${kwargs.map(([name, value]) => `${jsKey(name)}: ${this.expression(value, scope, 'value', token)}`).join(', ')} }`;
  }

  private variableNode(node: Node & { type: 'var' }, scope: Scope): string {
    const expression = node.expression;
    const head = expression.head;
    if (head?.kind === 'variable' && expression.filters.length === 0) {
      const path = this.pathExpression(head.path, scope);
      if (path.kind === 'number') return `o += ${path.code};\n`;
      if (path.kind === 'boolean') return `o += (${path.code} ? 'True' : 'False');\n`;
    }
    return `o += ${this.output(this.expression(expression, scope, 'value', node.token))};\n`;
  }

  private ifNode(branches: (Node & { type: 'if' })['branches'], scope: Scope): string {
    const compiled = branches.map((branch) => ({
      body: this.nodes(branch.body, scope),
      condition: branch.condition === undefined ? null : this.condition(branch.condition, scope),
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

  private condition(condition: IfExpression, scope: Scope): { pre: string; test: string } {
    if (condition.kind === 'operand') {
      const value = this.expression(condition.expression, scope, 'ignore', this.token);
      if (!hasVariableArgs(condition.expression)) return { pre: '', test: `$truthy(${value})` };
      const t = this.fn.tmp();
      // Django's IfNode turns a VariableDoesNotExist from a filter argument into a false condition.
      return {
        pre: `try { ${t} = $truthy(${value}); } catch (e) { if (!$isVDNE(e)) throw e; ${t} = false; }\n`,
        test: t,
      };
    }
    const t = this.fn.tmp();
    return { pre: this.operatorInto(condition, t, scope), test: `$truthy(${t})` };
  }

  /** Statements that store an operator's Python value in `target`; any error makes it False. */
  private operatorInto(condition: IfExpression, target: string, scope: Scope): string {
    if (condition.kind === 'operand') {
      return `${target} = ${this.expression(condition.expression, scope, 'ignore', this.token)};\n`;
    }
    const { op, first, second } = condition;
    let body: string;
    if (op === 'or' || op === 'and') {
      body =
        this.operatorInto(first, target, scope) +
        `if (${op === 'or' ? '!' : ''}$truthy(${target})) {\n${this.operatorInto(second!, target, scope)}}\n`;
    } else if (op === 'not') {
      const x = this.fn.tmp();
      body = `${this.operatorInto(first, x, scope)}${target} = !$truthy(${x});\n`;
    } else {
      const x = this.fn.tmp();
      const y = this.fn.tmp();
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
      body = `${this.operatorInto(first, x, scope)}${this.operatorInto(second!, y, scope)}${target} = ${compare[op]!};\n`;
    }
    return `try {\n${body}} catch { ${target} = false; }\n`;
  }

  private forNode(node: Node & { type: 'for' }, scope: Scope): string {
    const id = this.id();
    const I = String(id);
    const loop: LoopInfo = {
      id,
      parent: nearestLoop(scope),
      materialize: false,
      needsParent: false,
      pre: [],
    };
    const bodyScope = new Scope(scope, loop);
    const vars = node.loopVars.map((name, index) => {
      const js = `v${I}_${String(index)}`;
      bodyScope.bindings.set(name, { kind: 'local', js });
      return js;
    });
    bodyScope.bindings.set('forloop', { kind: 'forloop', loop });
    const asDecls = this.declareAsTargets(bodyScope, [...node.body, ...node.empty]);
    const emptyScope = new Scope(scope, nearestLoop(scope));
    for (const [name, binding] of bodyScope.bindings)
      if (binding.kind === 'as') emptyScope.bindings.set(name, binding);
    const body = this.nodes(node.body, bodyScope);
    const empty = this.nodes(node.empty, emptyScope);
    let sequence = this.expression(node.sequence, scope, 'ignore', node.token);
    sequence = this.A ? `await $iterA(${sequence})` : `$iter(${sequence})`;
    // Django lets a VariableDoesNotExist from a filter argument escape here (recorded).
    const head = `const q${I} = ${sequence};\n`;
    const item = node.reversed ? `q${I}[n${I} - 1 - i${I}]` : `q${I}[i${I}]`;
    let bind: string;
    if (vars.length === 1) bind = `let ${vars[0]!} = ${item};\n`;
    else {
      bind =
        `const u${I} = $unpack(${item}, ${String(vars.length)});\n` +
        `let ${vars.map((v, index) => `${v} = u${I}[${String(index)}]`).join(', ')};\n`;
    }
    let parentExpr = 'null';
    if (loop.parent !== null) parentExpr = this.materialize(loop.parent);
    else if (loop.needsParent || loop.materialize) parentExpr = `pl${I}`;
    const parentDecl =
      loop.parent === null && (loop.needsParent || loop.materialize)
        ? `const pl${I} = ctx.get('forloop') ?? {};\n`
        : '';
    const materialize = loop.materialize
      ? `const fl${I} = $forloop(i${I}, n${I}, ${parentExpr});\n`
      : '';
    return (
      `{\n${head}const n${I} = q${I}.length;\n${asDecls}${parentDecl}${loop.pre.join('')}` +
      `if (n${I} === 0) {\n${empty}} else {\n` +
      `for (let i${I} = 0; i${I} < n${I}; i${I}++) {\n${bind}${materialize}${body}}\n}\n}\n`
    );
  }

  private withNode(node: Node & { type: 'with' }, scope: Scope): string {
    const inner = new Scope(scope, nearestLoop(scope));
    let code = '';
    const values = node.assignments.map(([name, expression]) => {
      const js = `w${String(this.id())}`;
      code += `let ${js} = ${this.expression(expression, scope, 'value', node.token)};\n`;
      return [name, js] as const;
    });
    for (const [name, js] of values) inner.bindings.set(name, { kind: 'local', js });
    const decls = this.declareAsTargets(inner, node.body);
    return `{\n${code}${decls}${this.nodes(node.body, inner)}}\n`;
  }

  private cycleNode(node: Node & { type: 'cycle' }, scope: Scope): string {
    const cycle = node.cycle;
    const I = String(cycle.id);
    const index = this.fn.tmp();
    const value = this.fn.tmp();
    const choices = cycle.values.map((v) => this.expression(v, scope, 'value', node.token));
    let pick = choices[choices.length - 1]!;
    for (let i = choices.length - 2; i >= 0; i--)
      pick = `${index} === ${String(i)} ? ${choices[i]!} : ${pick}`;
    let code = `${index} = s.rc[${I}] = ((s.rc[${I}] ?? -1) + 1) % ${String(choices.length)};\n${value} = ${pick};\n`;
    if (cycle.asVar !== undefined) {
      if (this.findBinding(cycle.asVar, scope) === undefined) {
        // A named cycle referenced from another scope (e.g. inside a block): store in this scope.
        scope.bindings.set(cycle.asVar, { kind: 'as', js: `a${String(this.id())}` });
        const binding = scope.bindings.get(cycle.asVar) as { js: string };
        code = `let ${binding.js};\n` + code;
      }
      code += this.assignUpward(cycle.asVar, scope, value);
    }
    if (!cycle.silent) code += `o += ${this.output(value)};\n`;
    return code;
  }

  private firstofNode(node: Node & { type: 'firstof' }, scope: Scope): string {
    const result = this.fn.tmp();
    let code = `${result} = '';\n`;
    let tail = '';
    for (const value of node.values) {
      const t = this.fn.tmp();
      code += `if ($truthy(${t} = ${this.expression(value, scope, 'ignore', node.token)})) { ${result} = $out(${t}, ${this.aeExpr()}); } else {\n`;
      tail += '}';
    }
    code += `${tail}\n`;
    if (node.asVar === undefined) return `${code}o += ${result};\n`;
    // Django stores the rendered value: conditional_escape made it a safe string when escaping.
    const stored =
      this.ae === false
        ? result
        : this.ae === true
          ? `$markSafe(${result})`
          : `(ae ? $markSafe(${result}) : ${result})`;
    return code + this.assign(node.asVar, scope, stored);
  }

  private ifchangedNode(node: Node & { type: 'ifchanged' }, scope: Scope): string {
    const id = this.id();
    const loop = nearestLoop(scope);
    let state: string;
    if (loop !== null) {
      state = `ic${String(id)}`;
      loop.pre.push(`let ${state};\n`);
    } else {
      state = `s.rc[${String(id)}]`;
    }
    const otherwise = this.nodes(node.otherwise, scope);
    const elsePart = otherwise ? ` else {\n${otherwise}}` : '';
    if (node.values.length > 0) {
      const t = this.fn.tmp();
      const values = node.values
        .map((v) => this.expression(v, scope, 'ignore', node.token))
        .join(', ');
      const body = this.nodes(node.body, scope);
      return `${t} = [${values}];\nif (!$eq(${t}, ${state})) {\n${state} = ${t};\n${body}}${elsePart}\n`;
    }
    const saved = this.fn.tmp();
    const rendered = this.fn.tmp();
    const body = this.nodes(node.body, scope);
    return (
      `${saved} = o; o = '';\n${body}${rendered} = o; o = ${saved};\n` +
      `if (${rendered} !== ${state}) {\n${state} = ${rendered};\no += ${rendered};\n}${elsePart}\n`
    );
  }

  private regroupNode(node: Node & { type: 'regroup' }, scope: Scope): string {
    const id = String(this.id());
    const target = this.expression(node.target, scope, 'ignore', node.token);
    const keyScope = new Scope(scope, nearestLoop(scope));
    keyScope.bindings.set(node.asVar, { kind: 'local', js: `g${id}` });
    const key = this.expression(node.by, keyScope, 'ignore', node.token);
    const list = `r${id}`;
    return (
      `{\nconst l${id} = ${target};\nlet ${list} = [];\n` +
      `if (l${id} !== null && l${id} !== undefined) {\nlet c${id}, p${id};\n` +
      `for (const g${id} of ${this.A ? `await $iterA(l${id})` : `$iter(l${id})`}) {\nconst k${id} = ${key};\n` +
      `if (c${id} === undefined || !$eq(k${id}, p${id})) { c${id} = []; p${id} = k${id}; ${list}.push($group(k${id}, c${id})); }\n` +
      `c${id}.push(g${id});\n}\n}\n${this.assign(node.asVar, scope, list)}}\n`
    );
  }

  private customNode(node: Node & { type: 'custom' }, scope: Scope): string {
    const tag = this.k(node.tag);
    const args = `[${node.args.map((a) => this.expression(a, scope, 'value', node.token)).join(', ')}]`;
    const kwargs = this.keywordObject(node.kwargs, scope, node.token);
    const snap = node.tag.takesContext ? this.snapshot(scope) : 'null';
    const params = `ctx, s, ${this.aeExpr()}, ${tag}, ${args}, ${kwargs}, ${snap}`;
    if (node.tag.kind === 'inclusion') {
      return `o += ${this.A ? `await $inclusionA(${params})` : `$inclusion(${params})`};\n`;
    }
    const t = this.fn.tmp();
    const call = this.A
      ? `${t} = await $simple(${params});\n`
      : `${t} = $sync($simple(${params}));\n`;
    return (
      call +
      (node.asVar !== undefined
        ? this.assign(node.asVar, scope, t)
        : `o += $out(${t}, ${this.aeExpr()});\n`)
    );
  }
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
  const single = APPEND_RE.exec(code);
  if (single !== null)
    return STRING_LITERAL_RE.test(single[1]!) ? single[1]! : `('' + ${single[1]!})`;
  const many = /^o = o \+ ([^\n]*);\n$/.exec(code);
  return many === null ? null : `('' + ${many[1]!})`;
}

/** The names after each `$` in generated code (one pass; a `$` inside a string literal is harmless). */
function helperNames(code: string): Set<string> {
  const names = new Set<string>();
  for (let i = code.indexOf('$'); i !== -1; i = code.indexOf('$', i)) {
    let end = ++i;
    for (;;) {
      const c = code.charCodeAt(end);
      // [A-Za-z0-9_]
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) end++;
      else break;
    }
    if (end > i) names.add(code.slice(i, end));
    i = end;
  }
  return names;
}

function nearestLoop(scope: Scope | null): LoopInfo | null {
  for (let s = scope; s !== null; s = s.parent) if (s.loop !== null) return s.loop;
  return null;
}

/** The variables a node list writes with `as` (or `regroup`) into its own scope. */
function collectAsTargets(nodes: Node[]): string[] {
  const names = new Set<string>();
  const walk = (list: Node[]): void => {
    for (const node of list) {
      switch (node.type) {
        case 'cycle':
          if (node.cycle.asVar !== undefined) names.add(node.cycle.asVar);
          break;
        case 'firstof':
        case 'url':
        case 'now':
        case 'widthratio':
        case 'custom':
          if (node.asVar !== undefined) names.add(node.asVar);
          break;
        case 'regroup':
          names.add(node.asVar);
          break;
        case 'tag':
          if (node.record.node?.asVar !== undefined) names.add(node.record.node.asVar);
          for (const body of node.record.bodies) walk(body);
          break;
        case 'if':
          for (const branch of node.branches) walk(branch.body);
          break;
        case 'ifchanged':
          walk(node.body);
          walk(node.otherwise);
          break;
        case 'autoescape':
        case 'spaceless':
        case 'filter':
          walk(node.body);
          break;
        default:
          break;
      }
    }
  };
  walk(nodes);
  return Array.from(names);
}

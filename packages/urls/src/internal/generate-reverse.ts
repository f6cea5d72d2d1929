/**
 * Where `new Function` is allowed, a reverse candidate whose placeholders are whole path segments
 * with built-in converters (`str`, `int`, `slug`, `uuid`) and which has no extra kwargs gets a
 * builder generated as code: the arguments read by name, each value stringified and checked (and
 * for `str` percent-encoded) by its converter's own test, then one concatenation of pre-encoded
 * literal text. It gives the same answers as the general path in `reverse-engine.ts` (the
 * conformance vectors run through both), which every other candidate keeps. Only route
 * definitions reach the generated source, every literal through `JSON.stringify`.
 */
import { builtinConverters } from '../converters.js';
import type { CompiledConverter } from './route-pattern.js';

/** Builds the URL from positional `args` or keyword `kwargs` (with `count` keys), or null. */
export type GeneratedBuilder = (
  args: readonly unknown[] | null,
  kwargs: Readonly<Record<string, unknown>>,
  count: number,
) => string | null;

let allowed: boolean | undefined;

function codegenAllowed(): boolean {
  if (allowed === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- probes whether the host (a CSP) allows compiling code
      allowed = new Function('return 1')() === 1;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

/** The whole `reverse()` call for a name with one form: the URL, or null for the general path. */
export type DirectBuilder = (options: {
  readonly args?: readonly unknown[] | null | undefined;
  readonly kwargs?: Readonly<Record<string, unknown>> | null | undefined;
  readonly query?: unknown;
  readonly fragment?: unknown;
}) => string | null;

export interface BuilderForm {
  params: readonly string[];
  /** The converter re-matching each parameter's value (whole-segment placeholders). */
  checks: ReadonlyArray<CompiledConverter | undefined>;
  /** Percent-encoded literal text around the placeholders (script prefix included). */
  literals: readonly string[];
  /** Which parameter each placeholder shows, by index in `params`. */
  slots: readonly number[];
}

/**
 * The generated builder of one normalised form, or null when the form needs the general path.
 * `quoteSegment` re-matches a `str` value (non-empty, no `/`) and percent-encodes it (null: no
 * match); `escape` turns a leading `//` into `/%2F`.
 */
export function generateBuilder(
  form: BuilderForm,
  quoteSegment: (text: string) => string | null,
  escape: (url: string) => string,
): { builder: GeneratedBuilder; direct: DirectBuilder } | null {
  const n = form.params.length;
  if (n > 32 || form.checks.length !== n || !codegenAllowed()) return null;
  const tests: Array<(text: string, start: number, end: number) => boolean> = [];
  const vars = `let ${Array.from({ length: n }, (_, i) => `v${i}`).join(', ') || '_'};\n`;
  const fromArgs = (): string => {
    let code = `if (args.length !== ${n}) return null;\n`;
    for (let i = 0; i < n; i++) code += `v${i} = args[${i}];\n`;
    return code;
  };
  const fromKwargs = (): string => {
    let code = `if (count !== ${n}) return null;\n`;
    form.params.forEach((param, i) => {
      const key = JSON.stringify(param);
      code += `v${i} = kwargs[${key}]; if (v${i} === undefined && !HO.call(kwargs, ${key})) return null;\n`;
    });
    return code;
  };
  let build = '';
  for (let i = 0; i < n; i++) {
    const check = form.checks[i];
    if (check === undefined) return null;
    build += `let t${i} = typeof v${i} === 'string' ? v${i} : String(v${i});\n`;
    switch (check.converter as unknown) {
      case builtinConverters.str:
        build += `t${i} = QS(t${i}); if (t${i} === null) return null;\n`;
        break;
      case builtinConverters.int:
      case builtinConverters.slug:
      case builtinConverters.uuid: {
        // Every character these accept is left as it is by Django's quote().
        const t = tests.push(check.testRange) - 1;
        build += `if (!T[${t}](t${i}, 0, t${i}.length)) return null;\n`;
        break;
      }
      default:
        return null;
    }
  }
  const pieces = [JSON.stringify(form.literals[0] ?? '')];
  form.slots.forEach((slot, j) => {
    pieces.push(`t${slot}`, JSON.stringify(form.literals[j + 1] ?? ''));
  });
  // Values are non-empty and hold no `/`, so only the literal text can start the URL with `//`.
  const doubled = (form.literals[0] ?? '').startsWith('//');
  build += `const url = ${pieces.filter((p) => p !== '""').join(' + ') || '""'};\n`;
  build += doubled ? `return ES(url);\n` : `return url;\n`;
  // The whole call when the name has this one form: anything unusual (query, fragment, args and
  // kwargs mixed, a value that does not match) returns null and takes the general path.
  const direct = `if (options.query != null || options.fragment != null) return null;
const args = options.args, kwargs = options.kwargs;
const count = kwargs != null ? Object.keys(kwargs).length : 0;
${vars}if (args != null && args.length > 0) {
if (count !== 0) return null;
${fromArgs()}} else {
if (kwargs == null) { if (${n} !== 0) return null; } else {
${fromKwargs()}}
}
${build}`;
  const general = `${vars}if (args !== null) {\n${fromArgs()}} else {\n${fromKwargs()}}\n${build}`;
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- the reverse builder compiled from this urlconf's patterns (measured faster than interpreting them)
    return new Function(
      'T',
      'QS',
      'ES',
      'HO',
      `'use strict';
return {
builder: function generatedBuilder(args, kwargs, count) {\n${general}},
direct: function generatedReverse(options) {\n${direct}},
};`,
      // eslint-disable-next-line @typescript-eslint/unbound-method -- the generated code calls it with .call(kwargs, name)
    )(tests, quoteSegment, escape, Object.prototype.hasOwnProperty) as {
      builder: GeneratedBuilder;
      direct: DirectBuilder;
    };
  } catch {
    return null;
  }
}

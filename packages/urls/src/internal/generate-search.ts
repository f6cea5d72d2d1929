/**
 * Where the runtime allows `new Function` (Node, Deno, Bun, browsers without a strict CSP; not
 * Cloudflare Workers), the segment trie is turned into one JavaScript function: the same
 * depth-first search for the lowest declaration index, with the trie's shape, the literal
 * segments and the converter checks written into the code, and the kwargs of built-in
 * converters built as object literals. Nothing a request supplies reaches the generated source:
 * it is made from the route definitions only, every literal through `JSON.stringify`. Where
 * `new Function` is refused, or the trie is very large, the resolver keeps its interpreter.
 */
import { builtinConverters } from '../converters.js';
import type { Leaf, TrieNode } from './resolve-engine.js';
import { convert } from './resolve-engine.js';
import type { CompiledConverter } from './route-pattern.js';

/**
 * Finds the winning leaf and its kwargs for a path starting with `/`, or null. The result object
 * is reused by the next call: read it at once.
 */
export type GeneratedSearch = (
  path: string,
) => { readonly leaf: Leaf; readonly kw: Record<string, unknown> } | null;

/**
 * Beyond these the generated code would be large to compile and slow to scan (literal children
 * are tested one after the other), while the interpreter's buckets stay fast: keep the latter.
 */
const MAX_NODES = 2000;
const MAX_LITERAL_CHILDREN = 48;

function widestFanout(node: TrieNode): number {
  let widest = node.staticList?.length ?? 0;
  for (const e of node.staticList ?? []) widest = Math.max(widest, widestFanout(e.node));
  for (const e of node.params) widest = Math.max(widest, widestFanout(e.node));
  return widest;
}

function countNodes(node: TrieNode): number {
  let n = 1;
  for (const e of node.staticList ?? []) n += countNodes(e.node);
  for (const e of node.params) n += countNodes(e.node);
  return n;
}

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

/** Subtrees larger than this become functions of their own, so V8 optimizes each one. */
const SPLIT = 24;

/**
 * Django's uuid pattern with each counted repetition written out (`[0-9a-f]{4}` as four classes):
 * the same language, but V8's regex compiler turns a counted repetition into a loop with a
 * counter, and a run of classes into straight-line code — measured ~60 → ~15 ns for a uuid's 36
 * characters, and the Django-shaped deep lookup ~190 → ~150 ns.
 */
const UUID_UNROLLED = [8, 4, 4, 4, 12].map((n) => '[0-9a-f]'.repeat(n)).join('-');

/**
 * Helpers the generated code calls for the built-in converters (small, so V8 inlines them):
 * character-class loops over `path[start, end)` without slicing, and `int`'s conversion, which
 * accumulates short digit runs instead of slicing and parsing (-1: not a safe integer). A `uuid`'s
 * 36 characters go to a sticky regex instead (see UUID_UNROLLED): ~40 ns against ~65 for the loop,
 * whose `charCodeAt` re-checks the string's representation at every character.
 */
const HELPERS = `
function digits(path, a, b) {
  if (b <= a) return false;
  for (let i = a; i < b; i++) { const c = path.charCodeAt(i); if (c < 48 || c > 57) return false; }
  return true;
}
function slug(path, a, b) {
  if (b <= a) return false;
  for (let i = a; i < b; i++) {
    const c = path.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95)) return false;
  }
  return true;
}
const UUID = /${UUID_UNROLLED}/y;
function uuid(path, a, b) {
  if (b - a !== 36) return false;
  UUID.lastIndex = a;
  return UUID.test(path);
}
function toInt(path, a, b) {
  if (b - a <= 15) {
    let n = 0;
    for (let i = a; i < b; i++) n = n * 10 + (path.charCodeAt(i) - 48);
    return n;
  }
  const n = +path.slice(a, b);
  return Number.isSafeInteger(n) ? n : -1;
}
`;

/** The inlined test of a built-in converter on `path[pos, end)`, or null for any other. */
function inlineTest(converter: CompiledConverter, pos: string, end: string): string | null {
  switch (converter.converter as unknown) {
    case builtinConverters.str:
      // Inside one segment there is no `/`: `[^/]+` only needs a character.
      return `${end} > ${pos}`;
    case builtinConverters.int:
      return `digits(path, ${pos}, ${end})`;
    case builtinConverters.slug:
      return `slug(path, ${pos}, ${end})`;
    case builtinConverters.uuid:
      return `uuid(path, ${pos}, ${end})`;
    default:
      return null;
  }
}

/** What a built-in converter matches inside one segment, as a JavaScript regex (no `u` flag). */
function segmentRegex(converter: CompiledConverter): string | null {
  switch (converter.converter as unknown) {
    case builtinConverters.str:
      return '[^/]+';
    case builtinConverters.int:
      return '[0-9]+';
    case builtinConverters.slug:
      return '[-a-zA-Z0-9_]+';
    case builtinConverters.uuid:
      return UUID_UNROLLED;
    default:
      return null;
  }
}

interface Chain {
  segments: Array<string | CompiledConverter>;
  /** The sticky regex matching the segments from the chain's start to the end of the path. */
  source: string;
  /** The node holding the leaves. */
  end: TrieNode;
}

/**
 * A subtree that is a single path: no leaves and one child at every node down to a node with
 * leaves and no children, every placeholder a built-in converter. It holds at most one way to
 * match, so testing it whole gives the same answer as walking it; worth it when it is long or
 * holds a `uuid` (36 characters to check).
 */
function chainOf(node: TrieNode): Chain | null {
  const segments: Array<string | CompiledConverter> = [];
  const parts: string[] = [];
  let worth = false;
  let n = node;
  while (n.leaves.length === 0) {
    const statics = n.staticList ?? [];
    if (statics.length + n.params.length !== 1) return null;
    if (statics.length === 1) {
      const text = statics[0]!.text;
      segments.push(text);
      parts.push(text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
      n = statics[0]!.node;
    } else {
      const converter = n.params[0]!.converter;
      const source = segmentRegex(converter);
      if (source === null) return null;
      if (converter.converter === builtinConverters.uuid) worth = true;
      segments.push(converter);
      parts.push(source);
      n = n.params[0]!.node;
    }
  }
  if ((n.staticList?.length ?? 0) !== 0 || n.params.length !== 0) return null;
  if (segments.length === 0 || (!worth && segments.length < 5)) return null;
  return { segments, source: parts.join('\\/') + '$', end: n };
}

/** The code testing that `path[pos, pos + text.length)` is `text` (its length already checked). */
function literalTest(text: string, pos: string): string {
  if (text.length === 0) return 'true';
  const parts: string[] = [];
  for (let k = 0; k < text.length; k++) {
    parts.push(`path.charCodeAt(${pos} + ${k}) === ${text.charCodeAt(k)}`);
  }
  return parts.join(' && ');
}

export function generateSearch(root: TrieNode, maxParams: number): GeneratedSearch | null {
  if (
    root.min === Infinity ||
    countNodes(root) > MAX_NODES ||
    widestFanout(root) > MAX_LITERAL_CHILDREN ||
    !codegenAllowed()
  ) {
    return null;
  }
  const tests: Array<(path: string, start: number, end: number) => boolean> = [];
  const leaves: Leaf[] = [];
  const functions: string[] = [];
  let depthCounter = 0;
  const capArgs = (caps: number): string =>
    Array.from({ length: caps }, (_, k) => `, c${k}, d${k}`).join('');

  const emitLeaf = (leaf: Leaf, caps: number): string => {
    const simple = leaf.simple!;
    const li = leaves.push(leaf) - 1;
    const i = leaf.index;
    if (simple.plan === null && simple.fast) {
      const lines: string[] = [];
      const props: string[] = [];
      let check = '';
      simple.paramNames.forEach((name, k) => {
        const conv = simple.converters[k]!;
        if (conv.kind === 0) {
          lines.push(`const v${k} = path.slice(c${k}, d${k});`);
        } else {
          lines.push(`const v${k} = toInt(path, c${k}, d${k});`);
          check += ` && v${k} >= 0`;
        }
        props.push(`${JSON.stringify(name)}: v${k}`);
      });
      return `if (H.best > ${i}) { ${lines.join(' ')} if (true${check}) { H.best = ${i}; H.leaf = L[${li}]; H.kw = { ${props.join(', ')} }; } }\n`;
    }
    const starts = Array.from({ length: caps }, (_, k) => `c${k}`).join(', ');
    const ends = Array.from({ length: caps }, (_, k) => `d${k}`).join(', ');
    // A custom converter's toJs may resolve on this same resolver, which reuses H: keep ours.
    return `if (H.best > ${i}) { const sb = H.best, sl = H.leaf, sk = H.kw; const kw = CV(L[${li}].simple, path, { starts: [${starts}], ends: [${ends}] }); H.best = sb; H.leaf = sl; H.kw = sk; if (kw !== null) { H.best = ${i}; H.leaf = L[${li}]; H.kw = kw; } }\n`;
  };

  const regexes: RegExp[] = [];

  /**
   * A chain (see `chainOf`) is checked by one sticky regex, whose native loop beats ours on long
   * runs of characters (a `uuid` above all); the captures' bounds are then found with indexOf.
   */
  const emitChain = (chain: Chain, pos: string, caps: number): string => {
    const r = regexes.push(new RegExp(chain.source, 'y')) - 1;
    let code = `if (H.best > ${chain.end.min} && ${pos} >= 0) {\nR[${r}].lastIndex = ${pos};\nif (R[${r}].test(path)) {\nlet q = ${pos};\n`;
    const last = chain.segments.length - 1;
    chain.segments.forEach((segment, k) => {
      if (typeof segment === 'string') {
        if (k < last) code += `q += ${segment.length + 1};\n`;
      } else if (k < last) {
        // The regex has checked a uuid's 36 characters and the `/` after them.
        const end =
          segment.converter === builtinConverters.uuid ? 'q + 36' : `path.indexOf('/', q)`;
        code += `const c${caps} = q, d${caps} = ${end}; q = d${caps} + 1;\n`;
        caps++;
      } else {
        code += `const c${caps} = q, d${caps} = len;\n`;
        caps++;
      }
    });
    for (const leaf of chain.end.leaves) code += emitLeaf(leaf, caps);
    return code + `}\n}\n`;
  };

  /** The code searching `node` with the segment starting at `pos` (-1: path exhausted). */
  const emitNode = (node: TrieNode, pos: string, caps: number, top: boolean): string => {
    // A node with a single child and no leaf stays inline (a call there only passes through).
    const passThrough =
      node.leaves.length === 0 && (node.staticList?.length ?? 0) + node.params.length === 1;
    if (!top && !passThrough && countNodes(node) > SPLIT) {
      const name = `f${functions.length}`;
      functions.push('');
      const index = functions.length - 1;
      functions[index] =
        `function ${name}(path, len, pos, H${capArgs(caps)}) {\n${emitNode(node, 'pos', caps, true)}}\n`;
      return `${name}(path, len, ${pos}, H${capArgs(caps)});\n`;
    }
    const chain = chainOf(node);
    if (chain !== null) return emitChain(chain, pos, caps);
    let code = `if (H.best > ${node.min}) {\n`;
    if (node.leaves.length > 0) {
      code += `if (${pos} < 0) {\n`;
      for (const leaf of node.leaves) code += emitLeaf(leaf, caps);
      code += `}\n`;
    }
    const statics = node.staticList ?? [];
    const d = depthCounter++;
    if (statics.length === 0 && node.params.length === 0) return code + `}\n`;
    if (node.params.length === 0) {
      // Only literal children, which exclude each other: compare each in place, switching on
      // the first character, without looking for the segment's end first.
      code += `if (${pos} >= 0) {\n`;
      const after = (k: number): string => {
        const text = statics[k]!.text;
        return `${pos} + ${text.length}`;
      };
      const enter = (k: number): string => {
        const end = after(k);
        return `const n${d} = ${end} === len ? -1 : ${end} + 1;\n${emitNode(statics[k]!.node, `n${d}`, caps, false)}`;
      };
      const ends = (k: number): string =>
        `(${after(k)} === len || path.charCodeAt(${after(k)}) === 47)`;
      const empty = statics.findIndex((edge) => edge.text === '');
      const byFirst = new Map<number, number[]>();
      statics.forEach((edge, k) => {
        if (edge.text === '') return;
        const first = edge.text.charCodeAt(0);
        const group = byFirst.get(first);
        if (group === undefined) byFirst.set(first, [k]);
        else group.push(k);
      });
      let sw = '';
      if (byFirst.size > 0) {
        sw = `switch (path.charCodeAt(${pos})) {\n`;
        for (const [first, group] of byFirst) {
          sw += `case ${first}:\n`;
          sw += group
            .map((k) => {
              const text = statics[k]!.text;
              // The end first: it tells apart literals of other lengths in one comparison.
              const rest = [ends(k), ...literalTest(text, pos).split(' && ').slice(1)];
              return `if (${rest.join(' && ')}) {\n${enter(k)}}`;
            })
            .join(' else ');
          sw += `\nbreak;\n`;
        }
        sw += `}\n`;
      }
      if (empty >= 0) {
        code += `if (${pos} === len || path.charCodeAt(${pos}) === 47) {\n${enter(empty)}}`;
        code += sw === '' ? '\n' : ` else {\n${sw}}\n`;
      } else {
        code += sw;
      }
      return code + `}\n}\n`;
    }
    code += `if (${pos} >= 0) {\nconst s${d} = path.indexOf('/', ${pos}); const e${d} = s${d} === -1 ? len : s${d}; const n${d} = s${d} === -1 ? -1 : s${d} + 1;\n`;
    // Literal children exclude each other (at most one equals the segment): a switch on the
    // segment's length, then character comparisons, finds it.
    const byLength = new Map<number, number[]>();
    statics.forEach((edge, k) => {
      const group = byLength.get(edge.text.length);
      if (group === undefined) byLength.set(edge.text.length, [k]);
      else group.push(k);
    });
    const literalSwitch = (onMatch: (k: number) => string): string => {
      let sw = `switch (e${d} - ${pos}) {\n`;
      for (const [length, group] of byLength) {
        sw += `case ${length}:\n`;
        sw += group
          .map((k) => `if (${literalTest(statics[k]!.text, pos)}) {\n${onMatch(k)}}`)
          .join(' else ');
        sw += `\nbreak;\n`;
      }
      return sw + `}\n`;
    };
    // With placeholders too, Django's order decides: find the literal child first (k${d}), then
    // try every child in declaration order (lowest index first), the literal one by number.
    const children: Array<{ min: number; emit: () => string }> = [];
    if (statics.length > 0) {
      code += `let k${d} = -1;\n` + literalSwitch((k) => `k${d} = ${k};\n`);
    }
    statics.forEach((edge, k) => {
      children.push({
        min: edge.node.min,
        emit: () => `if (k${d} === ${k}) {\n${emitNode(edge.node, `n${d}`, caps, false)}}\n`,
      });
    });
    for (const edge of node.params) {
      children.push({
        min: edge.min,
        emit: () => {
          let test = inlineTest(edge.converter, pos, `e${d}`);
          if (test === null) {
            const t = tests.push(edge.converter.testRange) - 1;
            test = `T[${t}](path, ${pos}, e${d})`;
          }
          return `if (H.best > ${edge.min} && ${test}) {\nconst c${caps} = ${pos}, d${caps} = e${d};\n${emitNode(edge.node, `n${d}`, caps + 1, false)}}\n`;
        },
      });
    }
    children.sort((a, b) => a.min - b.min);
    for (const child of children) code += child.emit();
    return code + `}\n}\n`;
  };

  const main = emitNode(root, '1', 0, true);
  void maxParams;
  const body = `'use strict';
${HELPERS}
${functions.join('')}
// One result object for every call (read by the caller before any other code runs).
// best starts above every declaration index as a small integer (Infinity would make it a double).
const H = { best: 0x3fffffff, leaf: null, kw: null };
return function generatedSearch(path) {
  const len = path.length;
  H.best = 0x3fffffff; H.leaf = null; H.kw = null;
  ${main}
  return H.leaf === null ? null : H;
};`;
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- the matcher compiled from this urlconf's patterns (measured faster than interpreting them)
    return new Function('T', 'L', 'CV', 'R', body)(
      tests,
      leaves,
      convert,
      regexes,
    ) as GeneratedSearch;
  } catch {
    return null;
  }
}

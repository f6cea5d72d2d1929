/**
 * Where the runtime allows `new Function` (Node, Deno, Bun, browsers without a strict CSP; not
 * Cloudflare Workers), the segment trie is turned into one JavaScript function: the same
 * depth-first search for the lowest declaration index, with the trie's shape, the literal
 * segments and the converter checks written into the code, and the kwargs of built-in
 * converters built as object literals. Nothing a request supplies reaches the generated source:
 * it is made from the route definitions only, every literal through `JSON.stringify`. Where
 * `new Function` is refused, or the trie is very large, the resolver keeps its interpreter.
 */
import type { Leaf, TrieNode } from './resolve-engine.js';
import { convert } from './resolve-engine.js';

/** Finds the winning leaf and its kwargs for a path starting with `/`, or calls nothing. */
export type GeneratedSearch = (path: string) => [Leaf, Record<string, unknown>] | null;

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
      allowed = new Function('return 1')() === 1;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

/** Subtrees larger than this become functions of their own, so V8 optimizes each one. */
const SPLIT = 24;

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
          lines.push(`const v${k} = +path.slice(c${k}, d${k});`);
          check += ` && Number.isSafeInteger(v${k})`;
        }
        props.push(`${JSON.stringify(name)}: v${k}`);
      });
      return `if (H.best > ${i}) { ${lines.join(' ')} if (true${check}) { H.best = ${i}; H.leaf = L[${li}]; H.kw = { ${props.join(', ')} }; } }\n`;
    }
    const starts = Array.from({ length: caps }, (_, k) => `c${k}`).join(', ');
    const ends = Array.from({ length: caps }, (_, k) => `d${k}`).join(', ');
    return `if (H.best > ${i}) { const kw = CV(L[${li}].simple, path, { starts: [${starts}], ends: [${ends}] }); if (kw !== null) { H.best = ${i}; H.leaf = L[${li}]; H.kw = kw; } }\n`;
  };

  /** The code searching `node` with the segment starting at `pos` (-1: path exhausted). */
  const emitNode = (node: TrieNode, pos: string, caps: number, top: boolean): string => {
    if (!top && countNodes(node) > SPLIT) {
      const name = `f${functions.length}`;
      functions.push('');
      const index = functions.length - 1;
      functions[index] =
        `function ${name}(path, len, pos, H${capArgs(caps)}) {\n${emitNode(node, 'pos', caps, true)}}\n`;
      return `${name}(path, len, ${pos}, H${capArgs(caps)});\n`;
    }
    let code = `if (H.best > ${node.min}) {\n`;
    if (node.leaves.length > 0) {
      code += `if (${pos} < 0) {\n`;
      for (const leaf of node.leaves) code += emitLeaf(leaf, caps);
      code += `}\n`;
    }
    const children: Array<{ min: number; emit: () => string }> = [];
    const d = depthCounter++;
    for (const edge of node.staticList ?? []) {
      children.push({
        min: edge.node.min,
        emit: () => {
          const text = edge.text;
          let cond = `l${d} === ${text.length}`;
          for (let k = 0; k < text.length; k++) {
            cond += ` && path.charCodeAt(${pos} + ${k}) === ${text.charCodeAt(k)}`;
          }
          return `if (${cond}) {\n${emitNode(edge.node, `n${d}`, caps, false)}}\n`;
        },
      });
    }
    for (const edge of node.params) {
      children.push({
        min: edge.min,
        emit: () => {
          const t = tests.push(edge.converter.testRange) - 1;
          return `if (H.best > ${edge.min} && T[${t}](path, ${pos}, e${d})) {\nconst c${caps} = ${pos}, d${caps} = e${d};\n${emitNode(edge.node, `n${d}`, caps + 1, false)}}\n`;
        },
      });
    }
    if (children.length > 0) {
      children.sort((a, b) => a.min - b.min);
      code += `if (${pos} >= 0) {\nconst s${d} = path.indexOf('/', ${pos}); const e${d} = s${d} === -1 ? len : s${d}; const n${d} = s${d} === -1 ? -1 : s${d} + 1; const l${d} = e${d} - ${pos};\n`;
      for (const child of children) code += child.emit();
      code += `}\n`;
    }
    return code + `}\n`;
  };

  const main = emitNode(root, '1', 0, true);
  void maxParams;
  const body = `'use strict';
${functions.join('')}
return function generatedSearch(path) {
  const len = path.length;
  const H = { best: Infinity, leaf: null, kw: null };
  ${main}
  return H.leaf === null ? null : [H.leaf, H.kw];
};`;
  try {
    return new Function('T', 'L', 'CV', body)(tests, leaves, convert) as GeneratedSearch;
  } catch {
    return null;
  }
}

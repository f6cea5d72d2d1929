import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JSONSerializer, pythonJsonDumps } from './json-serializer.js';

describe("pythonJsonDumps (Python's json.dumps, compact)", () => {
  it('escapes DEL and everything above ASCII as \\uXXXX, pairs as two escapes', () => {
    expect(pythonJsonDumps('\x7fé😀\ud800')).toBe('"\\u007f\\u00e9\\ud83d\\ude00\\ud800"');
  });

  it('writes numbers as Python does: safe integers as int, the rest as float', () => {
    expect(pythonJsonDumps([1, -0, 2 ** 53 - 1, 0.1, 1e-5, 1e-7, 1e16 + 2, 1.5e300, 5e-324])).toBe(
      '[1,0,9007199254740991,0.1,1e-05,1e-07,1.0000000000000002e+16,1.5e+300,5e-324]',
    );
    expect(pythonJsonDumps([2 ** 53, 1e21, 0.0001, 123.456])).toBe(
      '[9007199254740992.0,1e+21,0.0001,123.456]',
    );
    expect(pythonJsonDumps([NaN, Infinity, -Infinity])).toBe('[NaN,Infinity,-Infinity]');
  });

  it('follows JSON.stringify for toJSON, undefined and functions', () => {
    expect(pythonJsonDumps({ d: new Date(0), u: undefined, f: () => 1, a: [undefined] })).toBe(
      '{"d":"1970-01-01T00:00:00.000Z","a":[null]}',
    );
  });

  it('refuses what Python cannot serialize, naming it', () => {
    expect(() => pythonJsonDumps(1n)).toThrow('Object of type bigint is not JSON serializable.');
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(() => pythonJsonDumps(loop)).toThrow('Circular reference detected.');
    const shared = { a: 1 };
    expect(pythonJsonDumps([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });

  it('finds a cycle at any depth, and lets a shared value appear again once left', () => {
    const chain = (depth: number, leaf: unknown): unknown[] => {
      let value: unknown = leaf;
      for (let i = 0; i < depth; i++) value = [value];
      return value as unknown[];
    };
    for (const depth of [1, 31, 32, 33, 80]) {
      const top: unknown[] = [];
      let inner = top;
      for (let i = 0; i < depth; i++) inner.push((inner = []));
      inner.push(top);
      expect(() => pythonJsonDumps(top), `cycle ${depth} deep`).toThrow(
        'Circular reference detected.',
      );
      const deepLoop: unknown[] = [];
      deepLoop.push(chain(depth, deepLoop));
      const nested = chain(40, deepLoop);
      expect(() => pythonJsonDumps(nested), `cycle below ${depth}`).toThrow(
        'Circular reference detected.',
      );
      const shared = { a: chain(depth, 1) };
      const twice = chain(depth, [shared, chain(depth, shared), shared]);
      expect(pythonJsonDumps(twice)).toBe(JSON.stringify(twice));
    }
  });

  it('writes acyclic values with shared parts as JSON.stringify does (ASCII)', () => {
    fc.assert(
      fc.property(
        fc.letrec((tie) => ({
          node: fc.oneof(
            { depthSize: 'small', withCrossShrink: true },
            fc.integer(),
            fc.array(tie('node'), { maxLength: 4 }),
            fc.dictionary(fc.string({ unit: 'grapheme-ascii' }), tie('node'), { maxKeys: 3 }),
          ),
        })).node,
        fc.nat(60),
        (value, depth) => {
          let deep: unknown = [value, value];
          for (let i = 0; i < depth; i++) deep = [deep, value];
          expect(pythonJsonDumps(deep)).toBe(JSON.stringify(deep));
        },
      ),
    );
  });

  it('reads its bytes back as Latin-1 JSON', () => {
    const value = { name: 'Jörg', list: [1, 2.5, null, true] };
    expect(JSONSerializer.loads(JSONSerializer.dumps(value))).toEqual(value);
  });
});

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

  it('reads its bytes back as Latin-1 JSON', () => {
    const value = { name: 'Jörg', list: [1, 2.5, null, true] };
    expect(JSONSerializer.loads(JSONSerializer.dumps(value))).toEqual(value);
  });
});

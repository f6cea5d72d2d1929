import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pythonJsonDumps } from './json-serializer.js';
import { pythonJsonLoads } from './python-json-loads.js';

describe('pythonJsonLoads', () => {
  it("reads Python's NaN, Infinity and -Infinity as numbers, as json.loads does", () => {
    // json.dumps({'a': float('nan'), 'b': [float('inf'), float('-inf')], 'c': 1.5})
    const text = '{"a":NaN,"b":[Infinity,-Infinity],"c":1.5}';
    expect(pythonJsonLoads(text)).toEqual({ a: NaN, b: [Infinity, -Infinity], c: 1.5 });
    expect(pythonJsonLoads(' [ NaN , "NaN" , {"Infinity" : -Infinity} ] ')).toEqual([
      NaN,
      'NaN',
      { Infinity: -Infinity },
    ]);
  });

  it('reads what pythonJsonDumps writes for any value with a non-finite number in it', () => {
    const special = fc.constantFrom(NaN, Infinity, -Infinity);
    fc.assert(
      fc.property(fc.jsonValue(), special, (value, constant) => {
        const text = pythonJsonDumps({ value, constant, list: [constant, value] });
        const plain = JSON.parse(pythonJsonDumps(value)) as unknown;
        expect(pythonJsonLoads(text)).toEqual({ value: plain, constant, list: [constant, plain] });
      }),
    );
  });

  it('makes keys own properties as JSON.parse does, __proto__ included, the last duplicate winning', () => {
    const value = pythonJsonLoads('{"__proto__":{"admin":true},"a":1,"a":NaN}') as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(value['a']).toBeNaN();
    expect((value as { admin?: unknown }).admin).toBeUndefined();
  });

  it('refuses what json.loads refuses', () => {
    for (const text of [
      'nan',
      'NaN,',
      '[NaN',
      '{"a" NaN}',
      '{"a":NaN,}',
      '[NaN,]',
      '"NaN',
      '+NaN',
      'NaN 1',
      '{NaN:1}',
      '-NaN',
    ]) {
      expect(() => pythonJsonLoads(text), text).toThrow(SyntaxError);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TooManyFieldsSent } from './errors.js';
import { QueryDict } from './query-dict.js';

describe('QueryDict', () => {
  it('parses the table of django-semantics §3.7', () => {
    const q = new QueryDict('a=1&a=2&b&c=&=empty&d=x+y&y=+%2B&e=%41%zz&f=%E2%98%83&g=1;h=2');
    expect([...q.lists()]).toEqual([
      ['a', ['1', '2']],
      ['b', ['']],
      ['c', ['']],
      ['', ['empty']],
      ['d', ['x y']],
      ['y', [' +']],
      ['e', ['A%zz']],
      ['f', ['☃']],
      ['g', ['1;h=2']],
    ]);
  });

  it('returns the last value from get() and every value from getList()', () => {
    const q = new QueryDict('a=1&a=2');
    expect(q.get('a')).toBe('2');
    expect(q.getList('a')).toEqual(['1', '2']);
    expect(q.get('missing')).toBeUndefined();
    expect(q.get('missing', 'default')).toBe('default');
    expect(q.getList('missing')).toEqual([]);
    expect(q.getList('missing', ['x'])).toEqual(['x']);
  });

  it('returns a copy from getList() so the dict cannot be changed through it', () => {
    const q = new QueryDict('a=1');
    q.getList('a').push('2');
    expect(q.getList('a')).toEqual(['1']);
  });

  it('lists items() with the last value and keeps first-insertion key order', () => {
    const q = new QueryDict('b=1&a=2&b=3');
    expect([...q.items()]).toEqual([
      ['b', '3'],
      ['a', '2'],
    ]);
    expect([...q.keys()]).toEqual(['b', 'a']);
    expect([...q]).toEqual(['b', 'a']);
    expect(q.dict()).toEqual({ b: '3', a: '2' });
  });

  it('decodes invalid UTF-8 to U+FFFD and bytes input as Latin-1 when it is not UTF-8', () => {
    expect(new QueryDict('a=%FF').get('a')).toBe('\ufffd');
    expect(new QueryDict(Uint8Array.from([0x61, 0x3d, 0xe9])).get('a')).toBe('é');
    expect(new QueryDict(new TextEncoder().encode('a=☃')).get('a')).toBe('☃');
  });

  it('decodes escapes with a non-UTF-8 encoding', () => {
    expect(new QueryDict('a=%E9', { encoding: 'latin1' }).get('a')).toBe('é');
  });

  it('is immutable unless copied or built mutable', () => {
    const q = new QueryDict('a=1');
    expect(q.mutable).toBe(false);
    expect(() => q.set('a', '2')).toThrow(/immutable/);
    expect(() => q.appendList('a', '2')).toThrow(/immutable/);
    expect(() => q.setList('a', [])).toThrow(/immutable/);
    expect(() => q.delete('a')).toThrow(/immutable/);
    expect(() => q.clear()).toThrow(/immutable/);
    expect(() => q.pop('a')).toThrow(/immutable/);
    expect(() => q.popItem()).toThrow(/immutable/);
    expect(() => q.update({ b: '1' })).toThrow(/immutable/);
    expect(() => q.setDefault('b', '1')).toThrow(/immutable/);
    expect(() => q.setListDefault('b')).toThrow(/immutable/);
    const copy = q.copy();
    expect(copy.mutable).toBe(true);
    copy.set('a', '2');
    expect(copy.get('a')).toBe('2');
    expect(q.get('a')).toBe('1');
    const built = new QueryDict(null, { mutable: true });
    built.appendList('x', '1');
    expect(built.getList('x')).toEqual(['1']);
  });

  it('appends on update() rather than replacing', () => {
    const q = new QueryDict('a=1', { mutable: true });
    q.update({ a: '2' });
    q.update(new QueryDict('a=3&b=4'));
    q.update([['b', '5']]);
    expect(q.getList('a')).toEqual(['1', '2', '3']);
    expect(q.getList('b')).toEqual(['4', '5']);
  });

  it('urlencodes with quote_plus, or with quote and a safe set', () => {
    const q = new QueryDict(null, { mutable: true });
    q.set('next', '/a&b/ c');
    expect(q.urlencode()).toBe('next=%2Fa%26b%2F+c');
    expect(q.urlencode('/')).toBe('next=/a%26b/%20c');
    const table = new QueryDict('a=1&a=2&b&c=&d=x+y&e=%41%zz&f=%E2%98%83&=empty&g=1;h=2');
    expect(table.urlencode()).toBe('a=1&a=2&b=&c=&d=x+y&e=A%25zz&f=%E2%98%83&=empty&g=1%3Bh%3D2');
  });

  it('counts fields as one more than the number of & before parsing', () => {
    expect(() => new QueryDict('a=1&b=2&c=3', { maxNumFields: 3 })).not.toThrow();
    expect(() => new QueryDict('a=1&b=2&c=3&', { maxNumFields: 3 })).toThrow(TooManyFieldsSent);
    expect(() => new QueryDict('a=1&&b=2&c=3', { maxNumFields: 3 })).toThrow(TooManyFieldsSent);
    expect(() => new QueryDict('a=1&'.repeat(5000), { maxNumFields: null })).not.toThrow();
    expect(() => new QueryDict('a=1&'.repeat(1000))).toThrow(TooManyFieldsSent);
  });

  it('builds from keys with fromKeys()', () => {
    const q = QueryDict.fromKeys(['a', 'a', 'b'], 'x');
    expect([...q.lists()]).toEqual([
      ['a', ['x', 'x']],
      ['b', ['x']],
    ]);
    expect(q.mutable).toBe(false);
  });

  it('compares as a dict of lists', () => {
    expect(new QueryDict('a=1&b=2').equals(new QueryDict('b=2&a=1'))).toBe(true);
    expect(new QueryDict('a=1').equals(new QueryDict('a=1&a=1'))).toBe(false);
  });

  it("has Django's repr", () => {
    expect(String(new QueryDict('a=1&a=2&b=it%27s'))).toBe(
      `<QueryDict: {'a': ['1', '2'], 'b': ["it's"]}>`,
    );
  });

  it('serialises to JSON as lists', () => {
    expect(JSON.stringify(new QueryDict('a=1&a=2'))).toBe('{"a":["1","2"]}');
  });
});

describe('QueryDict properties', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 12 });

  it('round-trips any fields through urlencode() and back', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 12 }), (pairs) => {
        const q = new QueryDict(null, { mutable: true });
        for (const [key, value] of pairs) q.appendList(key, value);
        const parsed = new QueryDict(q.urlencode(), { maxNumFields: null });
        expect([...parsed.lists()]).toEqual([...q.lists()]);
        const viaSafe = new QueryDict(q.urlencode('/'), { maxNumFields: null });
        expect([...viaSafe.lists()]).toEqual([...q.lists()]);
      }),
    );
  });

  it('decodes percent-encoded bytes exactly as a replacing UTF-8 decoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const encoded = [...bytes].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');
        expect(new QueryDict('k=' + encoded).get('k')).toBe(new TextDecoder().decode(bytes));
      }),
    );
  });

  it('never throws on arbitrary input and keeps malformed escapes literally', () => {
    const alphabet = fc.constantFrom('%', 'a', 'F', 'z', '0', '9', '&', '=', '+', 'é', ';', ' ');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')),
        (query) => {
          const q = new QueryDict(query, { maxNumFields: null });
          let values = 0;
          for (const [, list] of q.lists()) values += list.length;
          expect(values).toBeLessThanOrEqual(query.split('&').length);
          for (const [key, list] of q.lists()) {
            for (const part of [key, ...list]) {
              expect(part.includes('+')).toBe(false);
              expect(/[\uD800-\uDFFF]/u.test(part)).toBe(false);
            }
          }
        },
      ),
    );
  });

  it('agrees with a split-based model when there are no escapes', () => {
    const plain = fc.constantFrom('a', 'b', 'c', '=', '&', ';', 'é');
    fc.assert(
      fc.property(
        fc.array(plain, { maxLength: 30 }).map((chars) => chars.join('')),
        (query) => {
          const model: [string, string[]][] = [];
          for (const pair of query.split('&')) {
            if (pair === '') continue;
            const index = pair.indexOf('=');
            const key = index === -1 ? pair : pair.slice(0, index);
            const value = index === -1 ? '' : pair.slice(index + 1);
            const entry = model.find(([k]) => k === key);
            if (entry) entry[1].push(value);
            else model.push([key, [value]]);
          }
          expect([...new QueryDict(query, { maxNumFields: null }).lists()]).toEqual(model);
        },
      ),
    );
  });
});

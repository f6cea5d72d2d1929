import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResponseHeaders } from './response-headers.js';

describe('ResponseHeaders copied from another', () => {
  it('keeps names as set, values and order, and is independent of the original', () => {
    const original = new ResponseHeaders([
      ['X-First', '1'],
      ['cache-control', 'max-age=60'],
    ]);
    const copy = new ResponseHeaders(original);
    expect([...copy]).toEqual([
      ['X-First', '1'],
      ['cache-control', 'max-age=60'],
    ]);
    copy.set('X-First', '2');
    copy.delete('Cache-Control');
    expect(original.get('x-first')).toBe('1');
    expect(original.has('cache-control')).toBe(true);
    expect([...copy]).toEqual([['X-First', '2']]);
  });

  it('copies an empty set of headers', () => {
    expect([...new ResponseHeaders(new ResponseHeaders())]).toEqual([]);
  });

  it('keeps every copy independent of the others, whichever changes first', () => {
    // Copies share their list until one changes: the same steps on copies made from the
    // entries (independent by construction) must give the same headers everywhere.
    const name = fc.constantFrom('X-A', 'x-a', 'X-B', 'Cache-Control', 'vary');
    const step = fc.oneof(
      fc.tuple(fc.constant('set' as const), fc.nat(), name, fc.constantFrom('1', '2', 'max-age=0')),
      fc.tuple(fc.constant('delete' as const), fc.nat(), name),
      fc.tuple(fc.constant('copy' as const), fc.nat()),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const shared = [new ResponseHeaders([['X-A', '0']])];
        const apart = [new ResponseHeaders([['X-A', '0']])];
        for (const current of steps) {
          const at = current[1] % shared.length;
          if (current[0] === 'copy') {
            shared.push(new ResponseHeaders(shared[at]));
            apart.push(new ResponseHeaders([...apart[at]!]));
          } else if (current[0] === 'set') {
            shared[at]!.set(current[2], current[3]);
            apart[at]!.set(current[2], current[3]);
          } else {
            expect(shared[at]!.delete(current[2])).toBe(apart[at]!.delete(current[2]));
          }
          expect(shared.map((headers) => [...headers])).toEqual(
            apart.map((headers) => [...headers]),
          );
        }
      }),
    );
  });
});

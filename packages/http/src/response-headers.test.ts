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
});

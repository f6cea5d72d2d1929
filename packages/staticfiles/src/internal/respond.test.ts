import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseRepresentation, parseRange } from './respond.js';
import type { Representation, StaticFile } from './static-file.js';

const rep = (encoding: Representation['encoding']): Representation => ({
  path: `/x${encoding ?? ''}`,
  size: 10,
  etag: '"e"',
  encoding,
  body: null,
});
const file: StaticFile = {
  contentType: 'text/css',
  lastModified: 'Mon, 07 Dec 2026 06:00:00 GMT',
  cacheControl: 'public, max-age=60',
  identity: rep(null),
  br: rep('br'),
  gzip: rep('gzip'),
};

describe('chooseRepresentation', () => {
  it.each([
    [undefined, null],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['GZIP', 'gzip'],
    ['*', 'br'],
    ['identity', null],
    ['gzip;q=0', null],
  ])('Accept-Encoding %j → %s', (header, encoding) => {
    expect(chooseRepresentation(file, header).encoding).toBe(encoding);
  });
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-4', [0, 4]],
    ['bytes=5-', [5, 9]],
    ['bytes=-3', [7, 9]],
    ['bytes=-30', [0, 9]],
    ['bytes=8-100', [8, 9]],
    ['bytes=10-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=4-2', null],
    ['bytes=0-1,3-4', null],
    ['items=0-1', null],
    ['bytes=-', null],
  ] as const)('%s of 10 bytes → %j', (header, expected) => {
    expect(parseRange(header, 10)).toEqual(expected);
  });

  it('an empty file has no satisfiable range', () => {
    expect(parseRange('bytes=-5', 0)).toBe('unsatisfiable');
  });

  it('any answer lies inside the file (property)', () => {
    const tail = fc.oneof(fc.string(), fc.stringMatching(/^\d{0,3}-\d{0,3}$/));
    fc.assert(
      fc.property(tail, fc.nat(1000), (tail, size) => {
        const result = parseRange(`bytes=${tail}`, size);
        if (Array.isArray(result)) {
          expect(result[0]).toBeGreaterThanOrEqual(0);
          expect(result[0]).toBeLessThanOrEqual(result[1]);
          expect(result[1]).toBeLessThan(size);
        }
      }),
    );
  });
});

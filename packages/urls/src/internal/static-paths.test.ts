import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StaticPaths } from './static-paths.js';

const segment = fc.stringMatching(/^[a-z_é]{0,4}$/);
const staticPath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => '/' + s.join('/'));

describe('StaticPaths', () => {
  it('answers as a Map would, whatever paths share a length', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(staticPath, { maxLength: 80 }),
        fc.array(staticPath, { maxLength: 20 }),
        (keys, probes) => {
          const table = new StaticPaths<number>();
          const map = new Map<string, number>();
          keys.forEach((key, i) => {
            table.set(key, i);
            map.set(key, i);
          });
          table.seal();
          for (const path of [...keys, ...probes]) {
            // A fresh (non-internalized) copy, as a server reads paths from a socket.
            const fresh = JSON.parse(JSON.stringify(path)) as string;
            expect(table.get(fresh)).toBe(map.get(path));
            expect(table.has(fresh)).toBe(map.has(path));
          }
        },
      ),
    );
  });

  it('tells apart paths of one length by a character where they all differ', () => {
    const table = new StaticPaths<string>();
    for (const p of ['/rate_limit', '/user/repos', '/user/teams']) table.set(p, p);
    table.seal();
    expect(table.get('/user/repos')).toBe('/user/repos');
    expect(table.get('/user/reposx'.slice(0, 11))).toBe('/user/repos');
    expect(table.get('/user/rexos')).toBeUndefined();
    expect(table.get('/user/\u0100epos')).toBeUndefined();
  });

  it('finds a path set after sealing (the Map answers until the next seal)', () => {
    const table = new StaticPaths<number>();
    table.set('/a', 1);
    table.seal();
    table.set('/b', 2);
    expect(table.get('/b')).toBe(2);
    expect(table.get('/a')).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  defineBrand,
  hasBrand,
  NO_REVERSE_MATCH_BRAND,
  RAW_CONTENT,
  RESOLVER_404_BRAND,
  SAFE_STRING,
} from './brand.js';

describe('brands', () => {
  it('are registry symbols, so two copies of a package agree', () => {
    expect(defineBrand('X')).toBe(Symbol.for('reins.X'));
    expect(SAFE_STRING).toBe(Symbol.for('reins.SafeString'));
    expect(RESOLVER_404_BRAND).toBe(Symbol.for('reins.Resolver404'));
    expect(NO_REVERSE_MATCH_BRAND).toBe(Symbol.for('reins.NoReverseMatch'));
    expect(RAW_CONTENT).toBe(Symbol.for('reins.HttpResponse.rawContent'));
  });

  it('hasBrand needs the brand set to true on an object', () => {
    expect(hasBrand({ [RESOLVER_404_BRAND]: true }, RESOLVER_404_BRAND)).toBe(true);
    expect(hasBrand({ [RESOLVER_404_BRAND]: 1 }, RESOLVER_404_BRAND)).toBe(false);
    expect(hasBrand(null, RESOLVER_404_BRAND)).toBe(false);
    expect(hasBrand('x', RESOLVER_404_BRAND)).toBe(false);
  });
});

import fc from 'fast-check';
import { HttpResponse } from '@reins/http';
import { describe, expect, it } from 'vitest';
import { hasVaryHeader, patchVaryHeaders } from './patch-vary-headers.js';

const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);

describe('patchVaryHeaders', () => {
  it('names every header given (any case), and patching again with the same names changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(headerName, { maxLength: 6 }),
        fc.array(headerName, { maxLength: 6 }),
        (first, second) => {
          const response = new HttpResponse('');
          patchVaryHeaders(response, first);
          patchVaryHeaders(response, second);
          const once = response.headers.get('Vary');
          patchVaryHeaders(response, [...first, ...second]);
          expect(response.headers.get('Vary')).toBe(once);
          for (const name of [...first, ...second])
            expect(hasVaryHeader(response, name.toUpperCase())).toBe(true);
        },
      ),
    );
  });
});

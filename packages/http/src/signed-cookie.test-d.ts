import { describe, expectTypeOf, it } from 'vitest';
import { HttpRequest, HttpResponse } from './index.js';

describe('signed cookie types', () => {
  it('types getSignedCookie with and without a default', () => {
    const request = new HttpRequest();
    expectTypeOf(request.getSignedCookie('a')).toEqualTypeOf<string>();
    expectTypeOf(request.getSignedCookie('a', { maxAge: 60 })).toEqualTypeOf<string>();
    expectTypeOf(request.getSignedCookie('a', { default: null })).toEqualTypeOf<string | null>();
    expectTypeOf(
      request.getSignedCookie('a', { default: undefined, salt: 's', maxAge: { seconds: 1 } }),
    ).toEqualTypeOf<string | undefined>();
  });

  it('takes setCookie options plus salt and secretKey', () => {
    const response = new HttpResponse();
    response.setSignedCookie('a', 'b', { salt: 's', maxAge: 60, httpOnly: true, secretKey: 'k' });
    // @ts-expect-error -- the value of a signed cookie is a string, as in Django
    response.setSignedCookie('a', 1);
  });
});

import type { HttpRequest } from '@reins/http';
import { describe, expectTypeOf, it } from 'vitest';
import type { Session } from './index.js';

describe('request.session in the types', () => {
  it('is a Session on every HttpRequest once @reins/sessions is imported', () => {
    expectTypeOf<HttpRequest['session']>().toEqualTypeOf<Session>();
    const view = (request: HttpRequest) => request.session.get<number>('visits', 0);
    expectTypeOf(view).returns.toEqualTypeOf<number>();
  });

  it('types get() and pop() by their fallback', () => {
    const session = {} as Session;
    expectTypeOf(session.get('a')).toEqualTypeOf<unknown>();
    expectTypeOf(session.get<string[]>('cart', [])).toEqualTypeOf<string[]>();
    expectTypeOf(session.pop('next', '/')).toEqualTypeOf<string>();
    // @ts-expect-error -- setExpiry takes seconds, a Date, or null
    session.setExpiry('1 day');
  });
});

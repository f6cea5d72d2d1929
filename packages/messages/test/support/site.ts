/**
 * A tiny site for tests: SessionMiddleware (the signed-cookie store) then MessageMiddleware with
 * the storage under test, and a browser that keeps the cookies between visits.
 */
import type { MaybePromise } from '@reins/core';
import { HttpRequest, HttpResponse, type HttpResponseBase } from '@reins/http';
import { SessionMiddleware } from '@reins/sessions';
import { messageMiddleware, type MessageMiddlewareOptions } from '../../src/message-middleware.js';

export const secretKey = 'messages-test-secret-key';

type View = (request: HttpRequest) => MaybePromise<HttpResponseBase>;

export interface Site {
  /** Cookies the browser holds, by name. */
  readonly jar: Map<string, string>;
  /** One request through the chain, with the jar's cookies; the response's cookies go in the jar. */
  visit(view?: View): Promise<HttpResponseBase>;
}

const ok: View = () => new HttpResponse('ok');

export function site(
  options: MessageMiddlewareOptions = {},
  settings: Record<string, unknown> = {},
): Site {
  let current: View = ok;
  const all = { secretKey, ...settings };
  const chain = SessionMiddleware(
    messageMiddleware(options)((request) => current(request), all),
    all,
  );
  const jar = new Map<string, string>();
  return {
    jar,
    async visit(view = ok) {
      current = view;
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      const request = new HttpRequest({ url: '/', headers: cookie ? { cookie } : {} });
      const response = await chain(request);
      for (const set of response.cookies.values()) {
        if (set.maxAge === 0) jar.delete(set.name);
        else jar.set(set.name, set.value);
      }
      return response;
    },
  };
}

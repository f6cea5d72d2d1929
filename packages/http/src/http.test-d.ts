import { describe, expectTypeOf, it } from 'vitest';
import {
  Http404,
  HttpRequest,
  HttpResponse,
  JsonResponse,
  QueryDict,
  ReinsError,
  html,
  statusForException,
  type RequestResolverMatch,
  type SafeString,
  type UploadedFile,
} from './index.js';

describe('types', () => {
  it('types QueryDict reads, with and without a default', () => {
    const q = new QueryDict('a=1');
    expectTypeOf(q.get('a')).toEqualTypeOf<string | undefined>();
    expectTypeOf(q.get('a', '')).toEqualTypeOf<string>();
    expectTypeOf(q.get('a', null)).toEqualTypeOf<string | null>();
    expectTypeOf(q.getList('a')).toEqualTypeOf<string[]>();
  });

  it('types the request dictionaries and slots', () => {
    const request = new HttpRequest();
    expectTypeOf(request.GET).toEqualTypeOf<QueryDict>();
    expectTypeOf(request.POST).toEqualTypeOf<QueryDict>();
    expectTypeOf(request.FILES.get('f')).toEqualTypeOf<UploadedFile | undefined>();
    expectTypeOf(request.COOKIES).toEqualTypeOf<Record<string, string>>();
    expectTypeOf(request.body).toEqualTypeOf<Uint8Array>();
    expectTypeOf(request.resolverMatch).toEqualTypeOf<RequestResolverMatch | null>();
    expectTypeOf(request.json<{ a: number }>()).toEqualTypeOf<Promise<{ a: number }>>();
    expectTypeOf(request.loadBody()).toEqualTypeOf<Promise<void>>();
  });

  it('narrows with isInstance', () => {
    const error: unknown = new Http404();
    if (Http404.isInstance(error)) expectTypeOf(error).toEqualTypeOf<Http404>();
    if (ReinsError.isInstance(error)) expectTypeOf(error.code).toEqualTypeOf<string>();
    expectTypeOf(statusForException(error)).toEqualTypeOf<number | undefined>();
  });

  it('types responses and html', () => {
    expectTypeOf(html`<p></p>`).toEqualTypeOf<SafeString>();
    expectTypeOf(new HttpResponse(html`<p></p>`).content).toEqualTypeOf<Uint8Array>();
    expectTypeOf(new JsonResponse({ a: 1 })).toMatchTypeOf<HttpResponse>();
    // @ts-expect-error: the status is a number
    new HttpResponse('', { status: '200' });
  });
});

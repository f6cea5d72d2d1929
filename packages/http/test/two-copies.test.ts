import { describe, expect, it, vi } from 'vitest';
import * as first from '../src/index.js';

// A second, independent instance of the package (as with an ESM and a CJS copy side by side,
// or two versions): classes differ, so `instanceof` fails, and the brands must still match.
vi.resetModules();
const second = await import('../src/index.js');

describe('two copies of @reins/http', () => {
  it('are really two copies', () => {
    expect(second.Http404).not.toBe(first.Http404);
    expect(new second.Http404()).not.toBeInstanceOf(first.Http404);
  });

  it('recognise each other’s exceptions, responses and requests by brand', () => {
    expect(first.Http404.isInstance(new second.Http404())).toBe(true);
    expect(first.SuspiciousOperation.isInstance(new second.DisallowedHost())).toBe(true);
    expect(first.PermissionDenied.isInstance(new second.Http404())).toBe(false);
    expect(first.statusForException(new second.RequestDataTooBig())).toBe(413);
    expect(first.HttpResponse.isInstance(new second.JsonResponse({}))).toBe(true);
    expect(first.HttpRequest.isInstance(new second.HttpRequest())).toBe(true);
    expect(first.isSafe(second.html`<p></p>`)).toBe(true);
  });

  it('share one request context and write each other’s responses', async () => {
    const request = new second.HttpRequest({ url: '/x/' });
    expect(first.runWithRequest(request, () => second.getCurrentRequest())).toBe(request);
    const fetchResponse = first.responseToFetch(new second.HttpResponse('hi'));
    expect(await fetchResponse.text()).toBe('hi');
  });
});

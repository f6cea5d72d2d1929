/** Test helpers: requests as the server builds them, and a view call that captures errors. */
import { HttpRequest } from '@reins/http';
import type { HttpResponse } from '@reins/http';

/** A request for `method` on `/x/` with an optional raw query string. */
export function makeRequest(method = 'GET', query = ''): HttpRequest {
  return new HttpRequest({ method, url: query ? `/x/?${query}` : '/x/' });
}

/** Call `view` and return its response, or the error it threw (sync or async). */
export async function callView(
  view: (request: HttpRequest, params: never, ...args: string[]) => unknown,
  request: HttpRequest,
  params: Record<string, unknown> = {},
  args: string[] = [],
): Promise<{ response?: HttpResponse; error?: unknown }> {
  try {
    return { response: (await view(request, params as never, ...args)) as HttpResponse };
  } catch (error) {
    return { error };
  }
}

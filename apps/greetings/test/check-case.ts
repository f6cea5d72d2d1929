import { expect } from 'vitest';
import type { SeenResponse, SiteCase } from './site.case.js';

/** Assert that a response is what the site table says for this case. */
export function checkCase(testCase: SiteCase, response: SeenResponse): void {
  expect(response.status, testCase.name).toBe(testCase.status);
  if (testCase.body !== undefined) expect(response.body).toBe(testCase.body);
  for (const fragment of testCase.contains ?? []) expect(response.body).toContain(fragment);
  if (testCase.location !== undefined)
    expect(response.headers.get('location') ?? null).toBe(testCase.location);
  if (testCase.contentType !== undefined) {
    expect(response.headers.get('content-type') ?? '').toContain(testCase.contentType);
  }
  for (const [name, value] of Object.entries(testCase.headers ?? {})) {
    expect(response.headers.get(name) ?? null).toBe(value);
  }
}

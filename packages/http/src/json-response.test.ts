import { describe, expect, it } from 'vitest';
import { JsonResponse } from './json-response.js';

describe('JsonResponse', () => {
  it('serialises a plain object as application/json', () => {
    const response = new JsonResponse({ a: 'é<>', b: [1, 2], d: new Date(Date.UTC(2020, 0, 2)) });
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(response.text())).toEqual({
      a: 'é<>',
      b: [1, 2],
      d: '2020-01-02T00:00:00.000Z',
    });
  });

  it('refuses anything but a plain object unless safe is false', () => {
    for (const data of [[1, 2], 'x', 1, null, new Map()]) {
      expect(() => new JsonResponse(data)).toThrow(/set the safe parameter to False/);
    }
    expect(new JsonResponse([1, 2], { safe: false }).text()).toBe('[1,2]');
    expect(new JsonResponse(Object.create(null) as object).text()).toBe('{}');
  });

  it('serialises bigints as strings and honours replacer, space and status', () => {
    expect(new JsonResponse({ n: 10n }).text()).toBe('{"n":"10"}');
    const response = new JsonResponse(
      { a: 1, secret: 's' },
      { replacer: (key, value) => (key === 'secret' ? undefined : value), space: 1, status: 201 },
    );
    expect(response.text()).toBe('{\n "a": 1\n}');
    expect(response.status).toBe(201);
    expect(
      new JsonResponse({}, { contentType: 'application/vnd.api+json' }).headers.get('content-type'),
    ).toBe('application/vnd.api+json');
  });
});

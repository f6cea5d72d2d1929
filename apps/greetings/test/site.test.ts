import type { StreamingHttpResponse } from '@reins/http';
import { Client } from '@reins/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGreetingsApp } from '../src/app.js';
import { closeDatabase } from '../src/database-handle.js';
import { checkCase } from './check-case.js';
import { siteCases } from './site.case.js';

beforeAll(() => {
  process.env.GREETINGS_DB = ':memory:';
});
afterAll(closeDatabase);

describe('the greetings site, in process (test client)', () => {
  const client = new Client(createGreetingsApp({}));

  it.each(siteCases)('$name', async (testCase) => {
    const method = (testCase.method ?? 'GET').toLowerCase() as 'get' | 'post' | 'head';
    const response = await client[method](testCase.path);
    const body = response.streaming
      ? new TextDecoder().decode(await (response as unknown as StreamingHttpResponse).getValue())
      : response.text();
    checkCase(testCase, { status: response.status, headers: response.headers, body });
  });

  it('renders the article list through its template with Django context names', async () => {
    const response = await client.get('/');
    expect(response.templates.map((t) => t.name)).toEqual([
      'articles/article_list.html',
      'base.html',
    ]);
    expect(response.context).toHaveProperty('article_list');
    expect(response.context).toHaveProperty('object_list');
    expect(response.context).toHaveProperty('is_paginated', false);
  });

  it('follows go-home to the homepage', async () => {
    const response = await client.get('/greetings/go-home/', undefined, { follow: true });
    expect(response.redirectChain).toEqual([['/greetings/', 302]]);
    expect(response.text()).toBe('<h1>Welcome to the App!</h1><p>This is the homepage.</p>');
  });

  it('reports the time the app took in Server-Timing (the custom middleware)', async () => {
    const response = await client.get('/greetings/');
    expect(response.headers.get('server-timing')).toMatch(/^app;dur=\d+\.\d{2}$/);
  });

  it('shows the technical 404 page with the patterns tried when debug is on', async () => {
    const debugClient = new Client(createGreetingsApp({ REINS_DEBUG: '1' }));
    const response = await debugClient.get('/greetings/profile/zorg/nope/');
    expect(response.status).toBe(404);
    const body = response.text();
    expect(body).toContain('greetings/');
    expect(body).toContain('profile/&lt;str:username&gt;/');
    expect(body).toContain('article/&lt;int:pk&gt;');
  });
});

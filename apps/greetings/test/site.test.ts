import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StreamingHttpResponse } from '@reins/http';
import { Client } from '@reins/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGreetingsApp } from '../src/app.js';
import { closeDatabase } from '../src/database-handle.js';
import { generatedSecretKey } from '../src/secret-key.js';
import { checkCase } from './check-case.js';
import { siteCases } from './site.case.js';

beforeAll(() => {
  process.env.GREETINGS_DB = ':memory:';
});
afterAll(closeDatabase);

const env = { REINS_SECRET_KEY: 'greetings-test-secret-key' };

describe('the greetings site, in process (test client)', () => {
  const client = new Client(createGreetingsApp(env));

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
    expect(response.text()).toMatch(
      /^<h1>Welcome to the App!<\/h1><p>This is the homepage\.<\/p><p>You have been here \d+ times?\.<\/p>$/,
    );
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

describe('the greetings site counts visits in the session', () => {
  it('counts each visitor apart, in a signed HttpOnly cookie', async () => {
    const alice = new Client(createGreetingsApp(env));
    const bob = new Client(createGreetingsApp(env));
    const first = await alice.get('/greetings/');
    expect(first.text()).toContain('<p>You have been here 1 time.</p>');
    const cookie = first.cookies.get('sessionid')!.toString();
    expect(cookie).toMatch(/; HttpOnly; Max-Age=1209600; Path=\/; SameSite=Lax$/);
    expect((await alice.get('/greetings/')).text()).toContain('<p>You have been here 2 times.</p>');
    expect((await alice.get('/greetings/')).text()).toContain('<p>You have been here 3 times.</p>');
    expect((await bob.get('/greetings/')).text()).toContain('<p>You have been here 1 time.</p>');
  });

  it('pages that do not use the session set no cookie and no Vary: Cookie', async () => {
    const response = await new Client(createGreetingsApp(env)).get('/greetings/Alice/');
    expect(response.cookies.size).toBe(0);
    expect(response.headers.has('vary')).toBe(false);
  });

  it('a forged session cookie counts as a new visitor', async () => {
    const client = new Client(createGreetingsApp(env));
    client.cookies.set(
      'sessionid',
      'eyJ2aXNpdHMiOjk5fQ:1vRl7w:forgedforgedforgedforgedforgedforgedforged',
    );
    expect((await client.get('/greetings/')).text()).toContain('<p>You have been here 1 time.</p>');
  });

  it('a cookie signed with another secret key counts as a new visitor', async () => {
    const other = new Client(createGreetingsApp({ REINS_SECRET_KEY: 'another key' }));
    await other.get('/greetings/');
    await other.get('/greetings/');
    const client = new Client(createGreetingsApp(env));
    client.cookies.set('sessionid', other.cookies.get('sessionid')!);
    expect((await client.get('/greetings/')).text()).toContain('<p>You have been here 1 time.</p>');
  });

  it('without REINS_SECRET_KEY generates a key once and signs with it on every start', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'greetings-key-')), 'data', 'secret-key');
    const key = generatedSecretKey(file);
    expect(key).toMatch(/^[A-Za-z0-9_-]{60,}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(generatedSecretKey(file)).toBe(key);
    expect(() => createGreetingsApp({})).not.toThrow();
  });
});

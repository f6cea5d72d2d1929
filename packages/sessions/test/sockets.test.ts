// SessionMiddleware over a real socket: node:http, @reins/http's Node adapter and fetch() as the
// browser, carrying the cookie from one response to the next request.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpResponse, requestFromNode, writeNodeResponse } from '@reins/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from './support/memory-store.js';
import { sessionMiddleware } from '../src/session-middleware.js';
import type { SessionMiddlewareOptions } from '../src/session-middleware.js';

const secretKey = 'socket-test-secret-key';

async function serve(options: SessionMiddlewareOptions): Promise<{ url: string; server: Server }> {
  const handler = sessionMiddleware(options)(
    async (request) => {
      await Promise.resolve(); // an async view, as one that reads a database is
      if (request.path === '/logout/') {
        request.session.flush();
        return new HttpResponse('bye');
      }
      const visits = (request.session.get<number>('visits') ?? 0) + 1;
      request.session.set('visits', visits);
      return new HttpResponse(`You have been here ${visits} times`);
    },
    { secretKey },
  );
  const server = createServer((incoming, outgoing) => {
    const request = requestFromNode(incoming);
    void Promise.resolve(handler(request)).then(
      (response) => writeNodeResponse(response, outgoing, request),
      (error: unknown) => {
        outgoing.statusCode = 500;
        outgoing.end(String((error as Error).message));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

class Browser {
  cookie = '';
  async get(
    url: string,
  ): Promise<{ status: number; text: string; setCookie: string | null; vary: string | null }> {
    const response = await fetch(url, { headers: this.cookie ? { cookie: this.cookie } : {} });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null) {
      const [pair] = setCookie.split(';');
      this.cookie = /Max-Age=0/.test(setCookie) ? '' : pair!;
    }
    return {
      status: response.status,
      text: await response.text(),
      setCookie,
      vary: response.headers.get('vary'),
    };
  }
}

describe.each([
  ['signed-cookie session store', () => ({})],
  ['async server-side store', () => ({ sessionStore: new MemoryStore({ async: true }) })],
])('visits counted over a socket with the %s', (_name, options) => {
  let url: string;
  let server: Server;
  beforeAll(async () => {
    ({ url, server } = await serve(options()));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('counts one visitor, keeps two apart, and forgets a visitor who logs out', async () => {
    const alice = new Browser();
    const bob = new Browser();
    expect((await alice.get(`${url}/`)).text).toBe('You have been here 1 times');
    expect((await alice.get(`${url}/`)).text).toBe('You have been here 2 times');
    const third = await alice.get(`${url}/`);
    expect(third.text).toBe('You have been here 3 times');
    expect(third.vary).toBe('Cookie');
    expect(third.setCookie).toMatch(
      /^sessionid=[^;]+; expires=.*; HttpOnly; Max-Age=1209600; Path=\/; SameSite=Lax$/,
    );
    expect((await bob.get(`${url}/`)).text).toBe('You have been here 1 times');
    const logout = await alice.get(`${url}/logout/`);
    expect(logout.setCookie).toMatch(/^sessionid=""; expires=Thu, 01 Jan 1970/);
    expect((await alice.get(`${url}/`)).text).toBe('You have been here 1 times');
  });

  it('a forged cookie is a new visitor, never an error', async () => {
    const mallory = new Browser();
    mallory.cookie = 'sessionid=eyJ2aXNpdHMiOjk5OX0:1vRl7w:forged-signature-forged-signature';
    const response = await mallory.get(`${url}/`);
    expect(response.status).toBe(200);
    expect(response.text).toBe('You have been here 1 times');
  });
});

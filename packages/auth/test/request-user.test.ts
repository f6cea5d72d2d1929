/**
 * `request.user` and `request.auser()`: loaded lazily, once per request, only when read; a sync
 * read answers when it can and otherwise says what to do; the eager mode loads before the view.
 */
import { HttpRequest, HttpResponse } from '@reins/http';
import type { GetResponse } from '@reins/middleware';
import { sessionMiddleware, SignedCookieStore } from '@reins/sessions';
import { describe, expect, it } from 'vitest';
import {
  AnonymousUser,
  authContextProcessor,
  authenticationMiddleware,
  BACKEND_SESSION_KEY,
  getSessionAuthHash,
  HASH_SESSION_KEY,
  SESSION_KEY,
  User,
  UserNotLoaded,
  type AuthBackend,
  type AuthenticationMiddlewareOptions,
} from '../src/index.js';

const SECRET = 'request-user-test-secret';
const ann = () =>
  new User({
    id: 7,
    username: 'ann',
    password: 'pbkdf2_sha256$1$salt$hash',
    email: '',
    firstName: 'Ann',
    lastName: '',
    isActive: true,
    isStaff: false,
    isSuperuser: false,
    lastLogin: null,
    dateJoined: new Date(0),
  });

function counting(sync: boolean): AuthBackend & { loads: number } {
  const backend = {
    path: 'test.Backend',
    loads: 0,
    authenticate: () => null,
    getUser(id: string) {
      backend.loads++;
      const user = id === '7' ? ann() : null;
      return sync ? user : Promise.resolve(user);
    },
  };
  return backend;
}

/** Run one request through Session → Authentication → `view`, with a session naming Ann or nobody. */
async function run(
  backend: AuthBackend,
  view: (request: HttpRequest) => unknown,
  options: { loggedIn?: boolean; hash?: string } & AuthenticationMiddlewareOptions = {},
): Promise<{ response: HttpResponse; request: HttpRequest }> {
  const store = new SignedCookieStore({ secretKey: SECRET, maxAge: 3600 });
  const cookies: Record<string, string> = {};
  if (options.loggedIn) {
    cookies['sessionid'] = store.save(null, {
      [SESSION_KEY]: '7',
      [BACKEND_SESSION_KEY]: 'test.Backend',
      [HASH_SESSION_KEY]: options.hash ?? getSessionAuthHash(ann().password, SECRET),
    });
  }
  const request = new HttpRequest({
    method: 'GET',
    url: '/',
    headers: {
      cookie: Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
    },
  });
  const inner: GetResponse = async (req) => {
    const out = await view(req);
    return out instanceof HttpResponse ? out : new HttpResponse(String(out));
  };
  const chain = sessionMiddleware({ sessionStore: store })(
    authenticationMiddleware({ backends: [backend], ...options })(inner, { secretKey: SECRET }),
    { secretKey: SECRET },
  );
  const response = (await chain(request)) as HttpResponse;
  return { response, request };
}

describe('request.user', () => {
  it('is not loaded for a request that never reads it', async () => {
    const backend = counting(false);
    await run(backend, () => 'ok', { loggedIn: true });
    expect(backend.loads).toBe(0);
  });

  it('auser() loads once per request however often it is called', async () => {
    const backend = counting(false);
    const { response } = await run(
      backend,
      async (request) => {
        const [a, b] = await Promise.all([request.auser(), request.auser()]);
        const c = await request.auser();
        return `${a.getUsername()} ${String(a === b && b === c)} ${request.user.getUsername()}`;
      },
      { loggedIn: true },
    );
    expect(response.text()).toBe('ann true ann');
    expect(backend.loads).toBe(1);
  });

  it('reading request.user synchronously with an async backend throws UserNotLoaded, naming auser()', async () => {
    const backend = counting(false);
    const { response } = await run(
      backend,
      (request) => {
        try {
          return request.user.getUsername();
        } catch (error) {
          return error instanceof UserNotLoaded ? (error as Error).message : 'other';
        }
      },
      { loggedIn: true },
    );
    expect(response.text()).toContain('await request.auser()');
    expect(response.text()).toContain("'test.Backend'");
  });

  it('answers synchronously with a sync backend, and for anonymous visitors without asking any backend', async () => {
    const sync = counting(true);
    expect(
      (
        await run(sync, (request) => request.user.getUsername(), { loggedIn: true })
      ).response.text(),
    ).toBe('ann');
    const async_ = counting(false);
    expect(
      (
        await run(async_, (request) => (request.user as AnonymousUser).toString(), {})
      ).response.text(),
    ).toBe('AnonymousUser');
    expect(async_.loads).toBe(0);
  });

  it("with load: 'eager', the user is ready before the view, and the preload alone adds no Vary: Cookie", async () => {
    const backend = counting(false);
    const { response } = await run(backend, (request) => request.user.getUsername(), {
      loggedIn: true,
      load: 'eager',
    });
    expect(response.text()).toBe('ann');
    expect(backend.loads).toBe(1);
    const untouched = await run(counting(false), () => 'ok', { loggedIn: true, load: 'eager' });
    expect(untouched.response.headers.has('Vary')).toBe(false);
    const read = await run(counting(false), (request) => request.user.getUsername(), {
      loggedIn: true,
      load: 'eager',
    });
    expect(read.response.headers.get('Vary')).toBe('Cookie');
  });

  it('a session whose hash no longer matches the password is flushed: anonymous', async () => {
    const { response } = await run(
      counting(false),
      async (request) => ((await request.auser()) as AnonymousUser).toString(),
      {
        loggedIn: true,
        hash: 'stale',
      },
    );
    expect(response.text()).toBe('AnonymousUser');
  });

  it('is an AnonymousUser for a backend that is no longer configured', async () => {
    const other = { ...counting(false), path: 'another.Backend' };
    const { response } = await run(other, async (request) => (await request.auser()).isAnonymous, {
      loggedIn: true,
    });
    expect(response.text()).toBe('true');
  });

  it('the context processor gives user and perms, loading the user only when awaited', async () => {
    const backend = counting(false);
    await run(
      backend,
      async (request) => {
        const context = authContextProcessor(request);
        expect(backend.loads).toBe(0);
        const user = await context.user;
        expect(user.getUsername()).toBe('ann');
        expect(
          await (context.perms as unknown as Record<string, Record<string, Promise<boolean>>>)[
            'polls'
          ]!['add_choice'],
        ).toBe(false);
        return 'ok';
      },
      { loggedIn: true },
    );
    expect(backend.loads).toBe(1);
    const anonymous = authContextProcessor(new HttpRequest({ method: 'GET', url: '/' }));
    expect(anonymous.user).toBeInstanceOf(AnonymousUser);
  });

  it('refuses to start without backends or a secret key, naming the setting', () => {
    expect(() =>
      authenticationMiddleware({})(() => new HttpResponse(''), {
        secretKey: SECRET,
      }),
    ).toThrow(/authenticationBackends/);
    expect(() =>
      authenticationMiddleware({ backends: [counting(true)] })(() => new HttpResponse(''), {}),
    ).toThrow(/secretKey/);
    expect(() =>
      authenticationMiddleware({ backends: [{} as AuthBackend] })(() => new HttpResponse(''), {
        secretKey: SECRET,
      }),
    ).toThrow(/path, authenticate\(\) and getUser\(\)/);
  });
});

/**
 * Login and logout over real sockets: the session (database store), CSRF, AuthenticationMiddleware,
 * LoginView, LogoutView and loginRequired together, as Django's test client would see them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  configurePasswordHashers,
  INVALID_LOGIN_MESSAGE,
  PBKDF2PasswordHasher,
  setAuthLogSink,
} from '../src/index.js';
import { tempDir } from './support/database.js';
import { Browser, startSite, type Site } from './support/site.js';

const dir = tempDir();
let site: Site;
const log: string[] = [];
beforeAll(async () => {
  configurePasswordHashers([new PBKDF2PasswordHasher({ iterations: 1000 })]);
  setAuthLogSink((line) => log.push(line));
  site = await startSite(dir);
  await site.backend.createUser({
    username: 'demo',
    password: 'greetings-demo',
    firstName: 'Demo',
  });
  await site.backend.createUser({
    username: 'inactive',
    password: 'greetings-demo',
    isActive: false,
  });
});
afterAll(async () => {
  await site.close();
  configurePasswordHashers([new PBKDF2PasswordHasher()]);
});
beforeEach(() => {
  log.length = 0;
});

describe('login required', () => {
  it('an anonymous visitor of /members/ is sent to /accounts/login/?next=/members/', async () => {
    const browser = new Browser(site.url);
    const response = await browser.fetch('/members/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/accounts/login/?next=/members/');
    const withQuery = await browser.fetch('/members/?page=2&q=a b');
    expect(withQuery.headers.get('location')).toBe(
      '/accounts/login/?next=/members/%3Fpage%3D2%26q%3Da%2520b',
    );
  });
});

describe('logging in', () => {
  it('logs in, rotates the session key and the CSRF token, follows next, and the user is seen on the next request', async () => {
    const browser = new Browser(site.url);
    await browser.fetch('/accounts/login/');
    const anonymousCsrf = browser.csrfToken();
    expect(anonymousCsrf).not.toBe('');
    const response = await browser.login('demo', 'greetings-demo', '/members/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/members/');
    expect(browser.cookies.get('sessionid')).toMatch(/^[a-z0-9]{32}$/);
    expect(browser.csrfToken()).not.toBe(anonymousCsrf);
    const members = await browser.fetch('/members/');
    expect(members.status).toBe(200);
    expect(await members.text()).toBe('<p>Hello demo (True)</p>');
    const row = await site.db.selectFrom('django_session').select('session_key').execute();
    expect(row.map((r: { session_key: string }) => r.session_key)).toContain(
      browser.cookies.get('sessionid'),
    );
  });

  it('without next, goes to loginRedirectUrl (/accounts/profile/)', async () => {
    const response = await new Browser(site.url).login('demo', 'greetings-demo');
    expect(response.headers.get('location')).toBe('/accounts/profile/');
  });

  it.each([
    ['a wrong password', 'demo', 'wrong', 'wrong password'],
    ['a missing user', 'nobody', 'greetings-demo', 'no such user'],
    ['an inactive user', 'inactive', 'greetings-demo', 'the user is inactive'],
  ])(
    '%s gets the same form and message (no user enumeration), the log says why',
    async (_name, username, password, reason) => {
      const browser = new Browser(site.url);
      const response = await browser.login(username, password, '/members/');
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).toContain(`<p class="error">${INVALID_LOGIN_MESSAGE}</p>`);
      expect(body).toContain(`value="${username}"`);
      expect(browser.cookies.has('sessionid')).toBe(false);
      expect(log.join('\n')).toContain(reason);
    },
  );

  it('a POST without the CSRF token is refused with 403', async () => {
    const browser = new Browser(site.url);
    const response = await browser.fetch('/accounts/login/', {
      form: { username: 'demo', password: 'greetings-demo' },
    });
    expect(response.status).toBe(403);
    expect(browser.cookies.has('sessionid')).toBe(false);
  });

  // Django's url_has_allowed_host_and_scheme cases: every open-redirect attempt falls back.
  it.each([
    'http://evil.com/',
    'https://evil.com/',
    '//evil.com/',
    '///evil.com/',
    '/\\evil.com/',
    '\\\\evil.com/',
    'javascript:alert(1)',
    'ftp://127.0.0.1/',
    'http:///evil.com',
    ' //evil.com',
    'http://127.0.0.1.evil.com/',
    'https://127.0.0.1/',
  ])('next=%j is refused: the login goes to /accounts/profile/', async (next) => {
    const response = await new Browser(site.url).login('demo', 'greetings-demo', next);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/accounts/profile/');
  });

  it.each(['/members/', `/members/?a=1`, 'members/', `http://127.0.0.1:PORT/members/`])(
    'next=%j is followed',
    async (next) => {
      const target = next.replace('PORT', new URL(site.url).port);
      const response = await new Browser(site.url).login('demo', 'greetings-demo', target);
      expect(response.headers.get('location')).toBe(target);
    },
  );
});

describe('sessions end', () => {
  it('logout (POST with CSRF) flushes the session; GET is refused', async () => {
    const browser = new Browser(site.url);
    await browser.login('demo', 'greetings-demo');
    const key = browser.cookies.get('sessionid')!;
    expect((await browser.fetch('/accounts/logout/')).status).toBe(405);
    const response = await browser.fetch('/accounts/logout/', {
      form: { csrfmiddlewaretoken: browser.csrfToken() },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    expect(browser.cookies.has('sessionid')).toBe(false);
    expect(
      await site.db
        .selectFrom('django_session')
        .selectAll()
        .where('session_key', '=', key)
        .executeTakeFirst(),
    ).toBeUndefined();
    expect(await (await browser.fetch('/whoami/')).text()).toBe('-');
  });

  it("a password change logs the user's other sessions out", async () => {
    const first = new Browser(site.url);
    const second = new Browser(site.url);
    await first.login('demo', 'greetings-demo');
    await second.login('demo', 'greetings-demo');
    expect(await (await second.fetch('/whoami/')).text()).toBe('demo');
    const demo = (await site.backend.getUserByUsername('demo'))!;
    await site.backend.setPassword(demo, 'greetings-demo');
    expect(await (await first.fetch('/whoami/')).text()).toBe('-');
    expect(await (await second.fetch('/whoami/')).text()).toBe('-');
  });

  it('a deactivated user is logged out on the next request', async () => {
    const browser = new Browser(site.url);
    const user = await site.backend.createUser({ username: 'temp', password: 'pw' });
    await browser.login('temp', 'pw');
    expect(await (await browser.fetch('/whoami/')).text()).toBe('temp');
    await site.db
      .updateTable('auth_user')
      .set({ is_active: 0 })
      .where('id', '=', user.id)
      .execute();
    expect(await (await browser.fetch('/whoami/')).text()).toBe('-');
  });
});

describe('permissions', () => {
  it('permissionRequired with raiseException answers 403 to a user without the permission', async () => {
    const browser = new Browser(site.url);
    await browser.login('demo', 'greetings-demo');
    expect((await browser.fetch('/editors/')).status).toBe(403);
  });
});

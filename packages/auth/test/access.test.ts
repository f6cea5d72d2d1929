/**
 * The decorator and mixin tables (Django's auth_tests.test_decorators and test_mixins, by
 * behaviour): who reaches each view, who is redirected to the login page (and with what `next`),
 * who gets a 403.
 */
import { HttpResponse, type HttpRequest } from '@reins/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configurePasswordHashers,
  loginRequired,
  LoginRequiredMixin,
  PBKDF2PasswordHasher,
  permissionRequired,
  PermissionRequiredMixin,
  userPassesTest,
  UserPassesTestMixin,
  type AuthUser,
} from '../src/index.js';
import { tempDir } from './support/database.js';
import { Browser, startSite, type Site } from './support/site.js';

const ok = () => new HttpResponse('ok');

/**
 * The shape of @reins/views' View the mixins rely on (`dispatch` to the method's handler, one
 * instance per request): the layer table keeps views out of auth's dependencies, even for tests.
 */
class View {
  get?(request: HttpRequest): unknown;
  dispatch(request: HttpRequest): unknown {
    return this.get!(request);
  }
  static asView<T extends View>(this: new () => T): (request: HttpRequest) => unknown {
    return (request) => new this().dispatch(request);
  }
}

class Members extends LoginRequiredMixin(View) {
  override get() {
    return ok();
  }
}
class MembersOr403 extends LoginRequiredMixin(View) {
  override raiseException = true;
  override get() {
    return ok();
  }
}
class AddQuestion extends PermissionRequiredMixin(View) {
  override permissionRequired = 'polls.add_question';
  override loginUrl = '/signin/';
  override get() {
    return ok();
  }
}
class StaffOnly extends UserPassesTestMixin(View) {
  override testFunc(user: AuthUser) {
    return user.isStaff;
  }
  override get() {
    return ok();
  }
}

const routes: Record<string, (request: HttpRequest) => unknown> = {
  '/d/login/': loginRequired(ok),
  '/d/login-custom/': loginRequired(ok, { loginUrl: '/signin/', redirectFieldName: 'back' }),
  '/d/login-nofield/': loginRequired(ok, { redirectFieldName: null }),
  '/d/login-sso/': loginRequired(ok, { loginUrl: 'https://sso.example.com/login?app=1' }),
  '/d/perm/': permissionRequired('polls.add_question')(ok),
  '/d/perms/': permissionRequired(['polls.add_question', 'polls.change_question'])(ok),
  '/d/perm-raise/': permissionRequired('polls.add_question', { raiseException: true })(ok),
  '/d/staff/': userPassesTest((user) => user.isStaff)(ok),
  '/d/async-test/': userPassesTest(async (user) => Promise.resolve(user.username === 'editor'))(ok),
  '/m/login/': Members.asView(),
  '/m/login-403/': MembersOr403.asView(),
  '/m/perm/': AddQuestion.asView(),
  '/m/staff/': StaffOnly.asView(),
};

const dir = tempDir();
let site: Site;
const browsers: Record<string, Browser> = {};
beforeAll(async () => {
  configurePasswordHashers([new PBKDF2PasswordHasher({ iterations: 1000 })]);
  site = await startSite(dir, routes);
  const { db, backend } = site;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- a row of Kysely<any>
  const { id: ct } = await db
    .insertInto('django_content_type')
    .values({ app_label: 'polls', model: 'question' })
    .returning('id')
    .executeTakeFirstOrThrow();
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- a row of Kysely<any>
  const { id: perm } = await db
    .insertInto('auth_permission')
    .values({ name: 'Can add question', content_type_id: ct, codename: 'add_question' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await backend.createUser({ username: 'demo', password: 'pw' });
  const editor = await backend.createUser({ username: 'editor', password: 'pw' });
  await db
    .insertInto('auth_user_user_permissions')
    .values({ user_id: editor.id, permission_id: perm })
    .execute();
  await backend.createUser({ username: 'staff', password: 'pw', isStaff: true });
  await backend.createUser({ username: 'root', password: 'pw', isSuperuser: true });
  browsers['anonymous'] = new Browser(site.url);
  for (const name of ['demo', 'editor', 'staff', 'root']) {
    browsers[name] = new Browser(site.url);
    await browsers[name].login(name, 'pw');
  }
});
afterAll(async () => {
  await site.close();
  configurePasswordHashers([new PBKDF2PasswordHasher()]);
});

const login = (next: string) => `/accounts/login/?next=${next}`;
// [path, who, status, Location]
const table: [string, string, number, string | null][] = [
  ['/d/login/', 'anonymous', 302, login('/d/login/')],
  ['/d/login/', 'demo', 200, null],
  ['/d/login/?x=1', 'anonymous', 302, login('/d/login/%3Fx%3D1')],
  ['/d/login-custom/', 'anonymous', 302, '/signin/?back=/d/login-custom/'],
  ['/d/login-nofield/', 'anonymous', 302, '/accounts/login/'],
  [
    '/d/login-sso/',
    'anonymous',
    302,
    'https://sso.example.com/login?app=1&next=http%3A//127.0.0.1%3APORT/d/login-sso/',
  ],
  ['/d/perm/', 'anonymous', 302, login('/d/perm/')],
  ['/d/perm/', 'demo', 302, login('/d/perm/')],
  ['/d/perm/', 'editor', 200, null],
  ['/d/perm/', 'root', 200, null],
  ['/d/perms/', 'editor', 302, login('/d/perms/')],
  ['/d/perms/', 'root', 200, null],
  ['/d/perm-raise/', 'anonymous', 403, null],
  ['/d/perm-raise/', 'demo', 403, null],
  ['/d/perm-raise/', 'editor', 200, null],
  ['/d/staff/', 'demo', 302, login('/d/staff/')],
  ['/d/staff/', 'staff', 200, null],
  ['/d/async-test/', 'editor', 200, null],
  ['/d/async-test/', 'demo', 302, login('/d/async-test/')],
  ['/m/login/', 'anonymous', 302, login('/m/login/')],
  ['/m/login/', 'demo', 200, null],
  ['/m/login-403/', 'anonymous', 403, null],
  ['/m/login-403/', 'demo', 200, null],
  ['/m/perm/', 'anonymous', 302, '/signin/?next=/m/perm/'],
  // The mixins answer 403 to a logged-in user who fails (Django's AccessMixin), the decorators redirect.
  ['/m/perm/', 'demo', 403, null],
  ['/m/perm/', 'editor', 200, null],
  ['/m/staff/', 'anonymous', 302, login('/m/staff/')],
  ['/m/staff/', 'demo', 403, null],
  ['/m/staff/', 'staff', 200, null],
];

describe('decorators and mixins', () => {
  it.each(table)('%s as %s → %i %s', async (path, who, status, location) => {
    const response = await browsers[who]!.fetch(path);
    expect(response.status).toBe(status);
    const expected = location?.replace('PORT', new URL(site.url).port) ?? null;
    expect(response.headers.get('location')).toBe(expected);
  });
});

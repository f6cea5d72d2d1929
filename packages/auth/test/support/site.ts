/**
 * A small site over real sockets for the login tests: Session (database store on SQLite) → CSRF →
 * Authentication → a table of routes, served by node:http through @reins/http's adapter.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import {
  Http404,
  HttpResponse,
  HttpResponseForbidden,
  requestFromNode,
  writeNodeResponse,
} from '@reins/http';
import { csrfContextProcessor, csrfViewMiddleware } from '@reins/middleware';
import type { GetResponse, Middleware } from '@reins/middleware';
import { DatabaseSessionStore, sessionMiddleware } from '@reins/sessions';
import { setTemplates } from '@reins/shortcuts';
import { createTemplates } from '@reins/templates';
import { sqliteKysely } from '@reins/test-servers/kysely';
import type { Kysely } from 'kysely';
import {
  authContextProcessor,
  authenticationMiddleware,
  LoginView,
  LogoutView,
  loginRequired,
  ModelBackend,
  permissionRequired,
} from '../../src/index.js';
import type { AuthenticationMiddlewareOptions } from '../../src/index.js';
import { migrate, SECRET_KEY } from './database.js';

const TEMPLATES = {
  'registration/login.html':
    '<form method="post">{% csrf_token %}{% for e in form.errors %}<p class="error">{{ e }}</p>{% endfor %}' +
    '<input name="username" value="{{ form.username }}"><input type="hidden" name="next" value="{{ next }}"></form>',
  'registration/logged_out.html': '<p>Logged out.</p>',
  'members.html': '<p>Hello {{ user.username }} ({{ user.isAuthenticated }})</p>',
};

type View = (request: HttpRequest) => unknown;

export interface Site {
  url: string;
  /** The SQLite file, for Django to open too. */
  file: string;
  db: Kysely<any>;
  backend: ModelBackend;
  close(): Promise<void>;
}

function compose(
  middleware: Middleware[],
  view: GetResponse,
  settings: Record<string, unknown>,
): GetResponse {
  return middleware.reduceRight<GetResponse>((next, factory) => factory(next, settings), view);
}

/** Start the site on a free loopback port with a fresh SQLite database in `dir`. */
export async function startSite(
  dir: string,
  routes: Record<string, View> = {},
  options: AuthenticationMiddlewareOptions = {},
): Promise<Site> {
  const file = join(dir, `site-${Math.random().toString(36).slice(2)}.sqlite3`);
  const db = sqliteKysely(file);
  await migrate(db);
  const backend = new ModelBackend({ db });
  setTemplates(
    createTemplates([
      {
        backend: 'reins',
        options: {
          templates: TEMPLATES,
          contextProcessors: [csrfContextProcessor, authContextProcessor],
        },
      },
    ]),
  );
  const table: Record<string, View> = {
    '/accounts/login/': LoginView.asView(),
    '/accounts/logout/': LogoutView.asView({ nextPage: '/' }),
    '/members/': loginRequired(async (request: HttpRequest) => {
      const { render } = await import('@reins/shortcuts');
      return render(request, 'members.html');
    }),
    '/editors/': permissionRequired('polls.change_question', { raiseException: true })(
      () => new HttpResponse('editors'),
    ),
    '/whoami/': async (request: HttpRequest) =>
      new HttpResponse((await request.auser()).getUsername() || '-'),
    '/': () => new HttpResponse('home'),
    ...routes,
  };
  const router: GetResponse = async (request) => {
    const view = table[request.pathInfo];
    if (view === undefined) throw new Http404();
    try {
      return (await view(request)) as HttpResponseBase;
    } catch (error) {
      if ((error as { status?: number }).status === 403)
        return new HttpResponseForbidden('forbidden');
      throw error;
    }
  };
  const settings = { secretKey: SECRET_KEY, allowedHosts: ['127.0.0.1'] };
  const handler = compose(
    [
      sessionMiddleware({ sessionStore: new DatabaseSessionStore({ secretKey: SECRET_KEY, db }) }),
      csrfViewMiddleware(),
      authenticationMiddleware({ backends: [backend], ...options }),
    ],
    router,
    settings,
  );
  const server: Server = createServer((incoming, outgoing) => {
    const request = requestFromNode(incoming, { allowedHosts: ['127.0.0.1'] });
    void (async () => {
      let response: HttpResponseBase;
      try {
        await request.loadBody();
        response = await handler(request);
      } catch (error) {
        response = new HttpResponse(String(error), {
          status: (error as { status?: number }).status ?? 500,
        });
      }
      await writeNodeResponse(response, outgoing, request);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    file,
    db,
    backend,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await db.destroy();
    },
  };
}

/** A cookie jar over fetch: keeps Set-Cookie values, sends them back, never follows redirects. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async fetch(
    path: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size > 0)
      headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(this.base + path, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** GET the login form and POST the credentials with its CSRF token. */
  async login(username: string, password: string, next?: string): Promise<Response> {
    const query = next === undefined ? '' : `?next=${encodeURIComponent(next)}`;
    const form = await (await this.fetch(`/accounts/login/${query}`)).text();
    const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(form)![1]!;
    return this.fetch(`/accounts/login/${query}`, {
      form: {
        username,
        password,
        csrfmiddlewaretoken: token,
        ...(next === undefined ? {} : { next }),
      },
    });
  }

  csrfToken(): string {
    return this.cookies.get('csrftoken') ?? '';
  }
}

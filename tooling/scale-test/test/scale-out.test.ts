/**
 * Issue #18's scale-out test: three reins instances (`reins serve --workers 2` each) on
 * 127.0.0.1–3 behind HAProxy, with a real PostgreSQL (articles, sessions) and a real Redis (page
 * cache), all on loopback. Steps run in order on the same cluster; each bounds its own waits and
 * every load is at most 30 s. Requests-per-second figures are printed, never asserted: on a 2-core
 * machine they show the mechanism, not the scaling.
 */
import { RedisCache } from '@reins/cache';
import { missingServer } from '@reins/test-servers';
import pg from 'pg';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingPieces, startCluster, type Cluster } from '../src/cluster.js';
import { startLoad } from '../src/load.js';
import { killAll } from '../src/processes.js';

const missing = missingServer('postgres') ?? missingServer('redis') ?? missingPieces();
if (missing !== undefined && process.env['CI']) throw new Error(missing);

let cluster: Cluster;
/** The session cookie of the visitor of the shared-session step. */
let sessionCookie = '';
let visits = 0;

/** GET through the balancer (or `base`), with the instance that answered. */
async function get(path: string, options: { cookie?: string; base?: string } = {}) {
  const response = await request(`${options.base ?? cluster.url}${path}`, {
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
  const body = await response.body.text();
  const setCookie = response.headers['set-cookie'];
  return {
    status: response.statusCode,
    body,
    instance: String(response.headers['x-reins-instance']),
    setCookie: Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [setCookie],
  };
}

/** The cookies a browser would keep: name → value, updated from each response's Set-Cookie. */
type Jar = Map<string, string>;

function jarHeader(jar: Jar): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

function keep(jar: Jar, setCookie: readonly string[]): void {
  for (const line of setCookie) {
    const [pair = '', ...attributes] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
    if (expired || value === '' || value === '""') jar.delete(name);
    else jar.set(name, value);
  }
}

/** A POST of a form through the balancer, as a browser sends it (cookies, Referer for CSRF). */
async function postForm(path: string, fields: Record<string, string>, jar: Jar) {
  const response = await request(`${cluster.url}${path}`, {
    method: 'POST',
    headers: {
      cookie: jarHeader(jar),
      'content-type': 'application/x-www-form-urlencoded',
      referer: `${cluster.url}${path}`,
    },
    body: new URLSearchParams(fields).toString(),
  });
  await response.body.text();
  const setCookie = response.headers['set-cookie'];
  keep(jar, Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [setCookie]);
  return {
    status: response.statusCode,
    location: String(response.headers['location'] ?? ''),
    instance: String(response.headers['x-reins-instance']),
  };
}

async function count(table: string): Promise<number> {
  const client = new pg.Client({ connectionString: cluster.postgres.url });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    return Number(result.rows[0]!.n);
  } finally {
    await client.end();
  }
}

describe.skipIf(missing !== undefined)(
  `scale-out behind HAProxy${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    beforeAll(async () => {
      cluster = await startCluster();
    }, 120_000);

    afterAll(async () => {
      await cluster?.close();
      killAll();
    });

    it('reins migrate made the tables on PostgreSQL, once', () => {
      expect(cluster.migrateOutput).toMatch(/Applying articles\.0001_initial\.\.\. OK/);
      expect(cluster.migrateOutput).toMatch(/Applying sessions\.0001_initial\.\.\. OK/);
      const again = cluster.reins(['migrate']);
      expect(again.status).toBe(0);
      expect(again.output).toMatch(/No migrations to apply\./);
    });

    it('shares sessions: 30 requests land on all three instances and count one visitor', async () => {
      const seen = new Set<string>();
      for (let index = 1; index <= 30; index++) {
        const response = await get('/greetings/', { cookie: sessionCookie });
        expect(response.status).toBe(200);
        expect(response.body).toContain(
          `You have been here ${index} ${index === 1 ? 'time' : 'times'}.`,
        );
        const cookie = response.setCookie.find((line) => line.startsWith('sessionid='));
        if (cookie !== undefined) sessionCookie = cookie.split(';')[0]!;
        seen.add(response.instance);
      }
      visits = 30;

      expect([...seen].sort()).toEqual(['a', 'b', 'c']);
      // The sessions live in PostgreSQL's django_session, not in a process.
      expect(await count('django_session')).toBeGreaterThanOrEqual(1);
    });

    it('a cachePage page cached by one instance is served from Redis by the others; cache.clear() is seen by all', async () => {
      const first = await get('/');
      expect(first.status).toBe(200);
      // A row added behind the cache's back: the page the others serve must not show it yet.
      const title = `Scale-out article ${Date.now()}`;
      const client = new pg.Client({ connectionString: cluster.postgres.url });
      await client.connect();
      await client.query(
        `INSERT INTO article (title, slug, body, published_at) VALUES ($1, $2, 'body', '2030-01-01T00:00:00')`,
        [title, `scale-${Date.now()}`],
      );
      await client.end();
      const cached = new Map<string, string>();
      while (cached.size < 3) {
        const response = await get('/');
        expect(response.status).toBe(200);
        cached.set(response.instance, response.body);
      }
      for (const [instance, body] of cached) {
        expect(body, `instance ${instance} rendered instead of using the cache`).not.toContain(
          title,
        );
      }
      // The database has it (the API is not cached), on every instance.
      expect((await get('/api/articles/')).body).toContain(title);

      // The deliberate invalidation, as a deploy script does it: Django's cache.clear().
      const cache = new RedisCache({ alias: 'default', location: cluster.env['REDIS_URL']! });
      await cache.clear();
      await cache.close();
      const fresh = new Map<string, string>();
      while (fresh.size < 3) {
        const response = await get('/');
        fresh.set(response.instance, response.body);
      }
      for (const [instance, body] of fresh) {
        expect(body, `instance ${instance} still served the invalidated page`).toContain(title);
      }
    });

    it('logs in through the balancer: the next 30 requests, on all three instances, are logged in; the flash message shows once', async () => {
      const jar: Jar = new Map();
      const form = await get('/accounts/login/?next=/members/');
      expect(form.status).toBe(200);
      keep(jar, form.setCookie);
      const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(form.body)?.[1];
      expect(token, 'the login form carries a CSRF token').toBeDefined();
      const login = await postForm(
        '/accounts/login/?next=/members/',
        {
          username: 'demo',
          password: 'greetings-demo',
          next: '/members/',
          csrfmiddlewaretoken: token!,
        },
        jar,
      );
      expect(login.status).toBe(302);
      expect(login.location).toBe('/members/');
      // The page after the login shows "Welcome back" — whichever instance serves it — and the
      // one after that does not: the message was added on one instance, consumed on another.
      const next = await get('/members/', { cookie: jarHeader(jar) });
      keep(jar, next.setCookie);
      expect(next.status).toBe(200);
      expect(next.body).toContain('Welcome back, Demo.');
      const seen = new Set<string>([login.instance, next.instance]);
      for (let index = 0; index < 30; index++) {
        const response = await get('/members/', { cookie: jarHeader(jar) });
        keep(jar, response.setCookie);
        expect(response.status, `request ${index} on instance ${response.instance}`).toBe(200);
        expect(response.body).toContain('class="user-name">Demo</a>');
        expect(response.body).not.toContain('Welcome back');
        seen.add(response.instance);
      }
      expect([...seen].sort()).toEqual(['a', 'b', 'c']);
      // The login's session is a row of django_session on PostgreSQL, not in a process.
      expect(await count('auth_user')).toBeGreaterThanOrEqual(1);
    });

    it('rolling deploy under load: SIGTERM and restart each instance in turn, zero failed requests', async () => {
      // A steady stream rather than saturation: four clients leave the two cores room to start
      // the new instances, and every request still crosses the drains.
      const load = startLoad(`${cluster.url}/api/articles/`, {
        concurrency: 4,
        durationMs: 30_000,
      });
      const phases: string[] = [];
      const started = performance.now();
      const mark = (what: string): void => {
        phases.push(`${what} ${((performance.now() - started) / 1000).toFixed(1)}s`);
      };
      for (const instance of cluster.instances) {
        expect(await cluster.stopInstance(instance)).toBe(0);
        mark(`${instance.name} exited`);
        await cluster.startInstance(instance);
        mark(`${instance.name} ready`);
        await cluster.waitForState(instance.name, 'UP');
        mark(`${instance.name} up`);
      }
      console.log(`rolling deploy phases: ${phases.join(', ')}`);
      const result = await load.stop();
      console.log(`rolling deploy: ${JSON.stringify(result)}`);
      expect(result.failed, JSON.stringify(result)).toBe(0);
      // The load is bounded at 30 s; every restart must have happened under it.
      expect(
        result.seconds,
        `the rolling deploy outlasted the 30 s load (${phases.join(', ')})`,
      ).toBeLessThan(30);
      expect(Object.keys(result.byInstance).sort()).toEqual(['a', 'b', 'c']);
    });

    it('kill -9 of one instance under load: routed around, only in-flight requests may fail, nothing lost', async () => {
      const articlesBefore = await count('article');
      const sessionsBefore = await count('django_session');
      const concurrency = 8;
      const load = startLoad(`${cluster.url}/api/articles/`, { concurrency, durationMs: 30_000 });
      while (load.answered < 100) await new Promise((done) => setTimeout(done, 20));
      const victim = cluster.instances[1]!;
      victim.child!.signal('SIGKILL');
      await victim.child!.exited;
      await cluster.waitForState(victim.name, 'DOWN');
      const afterDown = load.answered;
      while (load.answered < afterDown + 100) await new Promise((done) => setTimeout(done, 20));
      const result = await load.stop();
      console.log(`kill -9: ${JSON.stringify(result)}`);
      // At most the requests in flight on the killed instance: never more than the load's concurrency.
      expect(result.failed, JSON.stringify(result)).toBeLessThanOrEqual(concurrency);
      // Once HAProxy marked it down, every request goes to the two others and succeeds.
      const survivors = new Set<string>();
      for (let index = 0; index < 30; index++) {
        const response = await get('/greetings/Alice/');
        expect(response.status).toBe(200);
        survivors.add(response.instance);
      }
      expect([...survivors].sort()).toEqual(['a', 'c']);
      // No row and no session lost: the visitor's count goes on where it was.
      const next = await get('/greetings/', { cookie: sessionCookie });
      visits++;
      expect(next.body).toContain(`You have been here ${visits} times.`);
      expect(await count('article')).toBe(articlesBefore);
      expect(await count('django_session')).toBeGreaterThanOrEqual(sessionsBefore);
      cluster.instances[1]!.child = undefined;
      await cluster.startInstance(victim);
      await cluster.waitForState(victim.name, 'UP');
    });

    it('requests per second through the balancer with 1, 2 and 3 instances (printed; 2 cores show the mechanism, not the scaling)', async () => {
      const figures: Record<number, number> = {};
      for (const active of [1, 2, 3]) {
        for (const [index, instance] of cluster.instances.entries()) {
          const wanted = index < active;
          await cluster.admin(`${wanted ? 'enable' : 'disable'} server reins/${instance.name}`);
          await cluster.waitForState(instance.name, wanted ? 'UP' : 'MAINT');
        }
        const load = startLoad(`${cluster.url}/greetings/Alice/`, {
          concurrency: 16,
          durationMs: 4000,
        });
        await new Promise((done) => setTimeout(done, 4000));
        const result = await load.stop();
        expect(result.failed, JSON.stringify(result)).toBe(0);
        expect(Object.keys(result.byInstance).length).toBe(active);
        figures[active] = result.requestsPerSecond;
      }
      console.log(
        `requests/s through HAProxy: 1 instance ${figures[1]}, 2 instances ${figures[2]}, 3 instances ${figures[3]} (x${(figures[3]! / figures[1]!).toFixed(2)}; one 2-core machine runs the balancer, every instance and the load)`,
      );
    });
  },
);

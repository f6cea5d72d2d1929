/**
 * The demo's accounts, in process (test client): the members page needs a login, the seeded demo
 * user logs in through the form, the base layout names them, and logging out is a POST.
 */
import { Client } from '@reins/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGreetingsApp } from '../src/app.js';
import { closeDatabase } from '../src/database-handle.js';

beforeAll(() => {
  process.env.GREETINGS_DB = ':memory:';
});
afterAll(closeDatabase);

const env = { REINS_SECRET_KEY: 'greetings-test-secret-key' };

function csrfToken(html: string): string {
  return /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(html)![1]!;
}

describe('accounts', () => {
  it('an anonymous visitor of /members/ is redirected to /accounts/login/?next=/members/', async () => {
    const response = await new Client(createGreetingsApp(env)).get('/members/');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/accounts/login/?next=/members/');
  });

  it('the demo user logs in with the form, is named in the layout, and logs out with a POST', async () => {
    const client = new Client(createGreetingsApp(env), { enforceCsrfChecks: true });
    const form = await client.get('/accounts/login/?next=/members/');
    expect(form.status).toBe(200);
    expect(form.text()).toContain('<a href="/accounts/login/">Log in</a>');
    const wrong = await client.post('/accounts/login/?next=/members/', {
      username: 'demo',
      password: 'wrong',
      next: '/members/',
      csrfmiddlewaretoken: csrfToken(form.text()),
    });
    expect(wrong.status).toBe(200);
    expect(wrong.text()).toContain('Please enter a correct username and password.');
    const login = await client.post('/accounts/login/?next=/members/', {
      username: 'demo',
      password: 'greetings-demo',
      next: '/members/',
      csrfmiddlewaretoken: csrfToken(wrong.text()),
    });
    expect(login.status).toBe(302);
    expect(login.headers.get('Location')).toBe('/members/');
    const members = await client.get('/members/');
    expect(members.status).toBe(200);
    expect(members.text()).toContain('Only logged-in visitors see this page, Demo.');
    // The flash message, once: on the page after the login, not on the one after that.
    expect(members.text()).toContain('<li class="success">Welcome back, Demo.</li>');
    expect((await client.get('/members/')).text()).not.toContain('Welcome back');
    expect(members.text()).toContain('<a href="/members/" class="user-name">Demo</a>');
    const home = await client.get('/');
    expect(home.text()).toContain('class="user-name">Demo</a>');
    expect(home.headers.get('Vary')).toContain('Cookie');
    expect((await client.get('/accounts/logout/')).status).toBe(405);
    const logout = await client.post('/accounts/logout/', {
      csrfmiddlewaretoken: csrfToken(members.text()),
    });
    expect(logout.status).toBe(302);
    expect(logout.headers.get('Location')).toBe('/');
    expect((await client.get('/members/')).status).toBe(302);
  });

  it('without next, a login goes to the members page; a hostile next is ignored', async () => {
    const client = new Client(createGreetingsApp(env));
    const response = await client.post('/accounts/login/', {
      username: 'demo',
      password: 'greetings-demo',
      next: 'https://evil.example/',
    });
    expect(response.headers.get('Location')).toBe('/members/');
  });
});

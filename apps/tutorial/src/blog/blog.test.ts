import { ModelBackend } from '@reins/auth';
import { applyMigrations } from '@reins/server';
import { Client } from '@reins/server/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { app, migrations } from '../app.js';
import { database } from '../database.js';

beforeAll(async () => {
  await applyMigrations(migrations);
  await new ModelBackend({ db: database() }).createUser({
    username: 'ada',
    password: 'analytical-engine',
  });
});

/** A test client logged in through the login form (Django's `client.login()`). */
async function writer(): Promise<Client> {
  const client = new Client(app);
  const response = await client.post('/accounts/login/', {
    username: 'ada',
    password: 'analytical-engine',
  });
  expect(response.status).toBe(302);
  return client;
}

describe('blog', () => {
  it('sends a visitor who is not logged in to the login page', async () => {
    const response = await new Client(app).get('/blog/new/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/accounts/login/?next=/blog/new/');
  });

  it('publishes a post from the form, redirects to it and says so once', async () => {
    const client = await writer();
    const response = await client.post('/blog/new/', { title: 'Hello, reins', body: 'First!' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/blog/hello-reins/');

    const page = await client.get('/blog/hello-reins/');
    expect(page.status).toBe(200);
    expect(page.text()).toContain('<p>First!</p>');
    expect(page.text()).toContain('Published: Hello, reins');
    const list = await client.get('/blog/');
    expect(list.text()).toContain('Hello, reins');
    expect(list.text()).not.toContain('Published:');
  });

  it('shows the form again, with what is missing, for an empty post', async () => {
    const response = await (await writer()).post('/blog/new/', { title: '', body: '' });
    expect(response.status).toBe(400);
    expect(response.text()).toContain('Give the post a title.');
  });

  it('answers a post that does not exist with the 404 page', async () => {
    const response = await new Client(app).get('/blog/no-such-post/');
    expect(response.status).toBe(404);
    expect(response.text()).toContain('The requested resource was not found on this server.');
  });
});

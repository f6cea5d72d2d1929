import { applyMigrations } from '@reins/server';
import { Client } from '@reins/server/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { app, migrations } from '../app.js';

beforeAll(async () => {
  await applyMigrations(migrations);
});

describe('blog', () => {
  it('publishes a post from the form and redirects to it', async () => {
    const client = new Client(app);
    const response = await client.post('/blog/new/', { title: 'Hello, reins', body: 'First!' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/blog/hello-reins/');

    const page = await client.get('/blog/hello-reins/');
    expect(page.status).toBe(200);
    expect(page.text()).toContain('<p>First!</p>');
    expect((await client.get('/blog/')).text()).toContain('Hello, reins');
  });

  it('shows the form again, with what is missing, for an empty post', async () => {
    const response = await new Client(app).post('/blog/new/', { title: '', body: '' });
    expect(response.status).toBe(400);
    expect(response.text()).toContain('Give the post a title.');
  });

  it('answers a post that does not exist with the 404 page', async () => {
    const response = await new Client(app).get('/blog/no-such-post/');
    expect(response.status).toBe(404);
    expect(response.text()).toContain('The requested resource was not found on this server.');
  });
});

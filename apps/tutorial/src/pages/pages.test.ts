/**
 * The pages app through the test client: requests go through the whole app (middleware, URLs,
 * views, templates) without a socket, on the in-memory database vitest.config.ts sets.
 */
import { applyMigrations } from '@reins/server';
import { Client } from '@reins/server/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { app, migrations } from '../app.js';

beforeAll(async () => {
  await applyMigrations(migrations);
});

describe('pages', () => {
  it('lists the pages on the home page', async () => {
    const response = await new Client(app).get('/');
    expect(response.status).toBe(200);
    expect(response.templates.map((template) => template.name)).toContain('pages/home.html');
    expect(response.text()).toContain('About this site');
  });

  it('shows one page', async () => {
    const response = await new Client(app).get('/pages/about/');
    expect(response.status).toBe(200);
    expect(response.text()).toContain('made by the first migration');
  });

  it('answers an unknown page with the 404 page', async () => {
    const response = await new Client(app).get('/pages/nope/');
    expect(response.status).toBe(404);
    expect(response.text()).toContain('The requested resource was not found on this server.');
  });
});

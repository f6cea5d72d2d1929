/** The __APP__ app through the test client (it passes once the project's urls.ts includes the app). */
import { Client } from '@reins/server/testing';
import { describe, expect, it } from 'vitest';
import { app } from '../app.js';

describe('__APP__', () => {
  it('answers its index page', async () => {
    const response = await new Client(app).get('/__APP__/');
    expect(response.status).toBe(200);
    expect(response.templates.map((template) => template.name)).toContain('__APP__/index.html');
  });
});

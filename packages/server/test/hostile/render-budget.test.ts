/**
 * The server's default render budget (issue #19, item 6): a runaway template becomes a 500 whose
 * logged error names `TemplateRenderBudgetExceeded` and the setting, instead of pinning the CPU;
 * a template's own `renderBudget` wins. `{% debug %}` follows the `debug` setting (item 11).
 */
import type { HttpRequest } from '@reins/http';
import { TemplateResponse } from '@reins/shortcuts';
import { TemplateRenderBudgetExceeded } from '@reins/templates';
import { path } from '@reins/urls';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { Client } from '../../src/testing/index.js';
import { recordingLogger } from '../helpers.js';

const templates = {
  // 2^10 includes from f20.html.
  ...Object.fromEntries(
    Array.from({ length: 30 }, (_, i) => {
      const next = i === 29 ? 'leaf.html' : `f${String(i + 1)}.html`;
      return [`f${String(i)}.html`, `{% include "${next}" %}{% include "${next}" %}`];
    }),
  ),
  'leaf.html': 'x',
  // Issue #19's input: 10^8 words, about 700 MB, were generated until the process died.
  'lorem.html': '{% lorem 100000000 w %}',
  'debug.html': '[{% debug %}]',
};

function makeApp(options: { debug?: boolean; renderBudget?: unknown } = {}) {
  const logger = recordingLogger();
  const app = createApp({
    rootUrlconf: [
      path('lorem/', (request: HttpRequest) => new TemplateResponse(request, 'lorem.html')),
      path('small/', (request: HttpRequest) => new TemplateResponse(request, 'f20.html')),
      path(
        'debug/',
        (request: HttpRequest) => new TemplateResponse(request, 'debug.html', { secret: 's' }),
      ),
    ],
    templates: [
      {
        backend: 'reins',
        options: {
          templates,
          ...(options.renderBudget === undefined ? {} : { renderBudget: options.renderBudget }),
        },
      },
    ],
    allowedHosts: ['testserver'],
    debug: options.debug ?? false,
    logger,
  });
  return { client: new Client(app, { raiseRequestException: false }), logger };
}

describe('the default render budget', () => {
  it('turns a runaway render into a 500 naming the error and the setting', async () => {
    // Guard: a budget of 100 steps must already stop 2^10 includes (else the next line would hang).
    const guarded = makeApp({ renderBudget: { maxSteps: 100 } });
    expect((await guarded.client.get('/small/')).status).toBe(500);

    const { client, logger } = makeApp();
    const response = await client.get('/lorem/');
    expect(response.status).toBe(500);
    const error = logger.records.find((record) => record.error !== undefined)?.error;
    expect(TemplateRenderBudgetExceeded.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('more than 10,000,000 steps');
    expect((error as Error).message).toContain('templates[].options.renderBudget');
  });

  it("keeps a template's own renderBudget", async () => {
    const { client } = makeApp({ renderBudget: { maxSteps: 5000 } });
    expect((await client.get('/small/')).text()).toHaveLength(1024);
  });
});

describe('{% debug %} follows the debug setting', () => {
  it('prints the context only with debug on', async () => {
    expect((await makeApp().client.get('/debug/')).text()).toBe('[]');
    expect((await makeApp({ debug: true }).client.get('/debug/')).text()).toContain('secret');
  });
});

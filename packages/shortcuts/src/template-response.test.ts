import { afterEach, describe, expect, it } from 'vitest';
import { HttpRequest, HttpResponse } from '@reins/http';
import { Engine } from '@reins/templates';
import { ContentNotRenderedError } from './content-not-rendered-error.js';
import { render } from './render.js';
import { TemplateResponse } from './template-response.js';
import { getTemplates, setTemplates } from './templates-registry.js';

const engine = new Engine({
  templates: {
    'hello.html': 'Hello {{ name }}!',
    'other.html': 'Other {{ name }}',
    'req.html': '{{ request_path }}',
  },
  contextProcessors: [(request) => ({ request_path: (request as HttpRequest).path })],
});
const request = new HttpRequest({ url: '/here/' });

afterEach(() => setTemplates(null));

describe('TemplateResponse', () => {
  it('keeps template and context editable until rendered', async () => {
    setTemplates(engine);
    const response = new TemplateResponse(request, 'hello.html', { name: 'Ann' });
    expect(response.isRendered).toBe(false);
    response.contextData!['name'] = 'Bob';
    response.templateName = 'other.html';
    expect(await response.render()).toBe(response);
    expect(response.isRendered).toBe(true);
    expect(response.text()).toBe('Other Bob');
    response.contextData!['name'] = 'Cy';
    await response.render();
    expect(response.text()).toBe('Other Bob');
  });

  it('refuses to show its content before rendering (ContentNotRenderedError)', () => {
    const response = new TemplateResponse(request, 'hello.html');
    expect(() => response.content).toThrow(ContentNotRenderedError);
    expect(() => response.text()).toThrow(
      'The response content must be rendered before it can be accessed.',
    );
    expect(
      ContentNotRenderedError.isInstance(
        (() => {
          try {
            response.text();
          } catch (error) {
            return error;
          }
        })(),
      ),
    ).toBe(true);
  });

  it('counts as rendered once content is set directly', () => {
    const response = new TemplateResponse(request, 'hello.html');
    response.content = 'manual';
    expect(response.isRendered).toBe(true);
    expect(response.text()).toBe('manual');
  });

  it('runs post-render callbacks once, after rendering', async () => {
    const seen: string[] = [];
    const response = new TemplateResponse(
      request,
      'hello.html',
      { name: 'Ann' },
      { templates: engine },
    );
    response.addPostRenderCallback((r) => seen.push(`first:${r.text()}`));
    response.addPostRenderCallback(() => seen.push('second'));
    await response.render();
    await response.render();
    response.addPostRenderCallback(() => seen.push('late'));
    expect(seen).toEqual(['first:Hello Ann!', 'second', 'late']);
  });

  it('passes the request to context processors, and status/content type to the response', async () => {
    const response = new TemplateResponse(request, 'req.html', null, {
      templates: engine,
      status: 201,
      contentType: 'text/plain',
    });
    await response.render();
    expect([response.status, response.headers.get('Content-Type'), response.text()]).toEqual([
      201,
      'text/plain',
      '/here/',
    ]);
  });

  it('tries a list of templates in order and accepts a template object', async () => {
    const listed = await new TemplateResponse(
      request,
      ['missing.html', 'other.html'],
      { name: 'x' },
      { templates: engine },
    ).render();
    expect(listed.text()).toBe('Other x');
    const direct = await new TemplateResponse(request, engine.fromString('{{ a }}'), {
      a: 1,
    }).render();
    expect(direct.text()).toBe('1');
  });

  it('renders promises in the context asynchronously', async () => {
    const response = await new TemplateResponse(
      request,
      'hello.html',
      { name: Promise.resolve('Later') },
      { templates: engine },
    ).render();
    expect(response.text()).toBe('Hello Later!');
  });

  it('is recognised by brand, and is an HttpResponse', () => {
    const response = new TemplateResponse(request, 'hello.html');
    expect(TemplateResponse.isInstance(response)).toBe(true);
    expect(TemplateResponse.isInstance(new HttpResponse('x'))).toBe(false);
    expect(HttpResponse.isInstance(response)).toBe(true);
  });

  it('lets a subclass change the context before rendering (resolveContext)', async () => {
    class Stamped extends TemplateResponse {
      override resolveContext(context: Record<string, unknown> | null) {
        return { ...context, name: 'stamped' };
      }
    }
    expect(
      (await new Stamped(request, 'hello.html', null, { templates: engine }).render()).text(),
    ).toBe('Hello stamped!');
  });
});

describe('render() and the template registry', () => {
  it('renders immediately with status and content type', async () => {
    setTemplates(engine);
    const response = await render(
      request,
      'hello.html',
      { name: '<b>' },
      { status: 404, contentType: 'text/plain' },
    );
    expect([response.status, response.headers.get('Content-Type'), response.text()]).toEqual([
      404,
      'text/plain',
      'Hello &lt;b&gt;!',
    ]);
    expect(TemplateResponse.isInstance(response)).toBe(false);
  });

  it('rejects, never throws, when the response cannot be built (a bad status)', async () => {
    setTemplates(engine);
    let answer: Promise<unknown> | undefined;
    expect(() => {
      answer = render(request, 'hello.html', { name: 'x' }, { status: 1000 });
    }).not.toThrow();
    await expect(answer).rejects.toThrow();
  });

  it('names the fix when no engines are configured', async () => {
    expect(() => getTemplates()).toThrow(/setTemplates\(createTemplates/);
    await expect(render(request, 'hello.html')).rejects.toThrow(
      /No template engines are configured/,
    );
  });

  it('passes `using` to the engines', async () => {
    const calls: unknown[] = [];
    setTemplates({
      getTemplate: (name, options) => {
        calls.push([name, options]);
        return engine.getTemplate(name);
      },
      selectTemplate: (names, options) => {
        calls.push([names, options]);
        return engine.selectTemplate(names);
      },
    });
    await render(request, 'hello.html', {}, { using: 'nunjucks' });
    await render(request, ['hello.html'], {});
    expect(calls).toEqual([
      ['hello.html', { using: 'nunjucks' }],
      [['hello.html'], undefined],
    ]);
  });
});

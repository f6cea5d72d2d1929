import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createTemplates,
  TemplateDoesNotExist,
  type TemplateBackendFactory,
} from '../src/index.js';
import { nunjucksBackend } from '../src/nunjucks/index.js';

const root = mkdtempSync(join(tmpdir(), 'reins-engines-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}
write('dtl/home.html', 'DTL {{ name|upper }} {% csrf_token %}');
write('dtl/shared.html', 'from reins');
write('njk/page.njk', 'NJK {{ name | upper }}{% if request %} {{ request.path }}{% endif %}');
write('njk/shared.html', 'from nunjucks');
write('njk/bad.njk', '{% if %}');

// The token comes from a context processor (createApp adds @reins/middleware's csrfContextProcessor).
const csrfProcessor = (request: unknown): { csrf_token?: unknown } => {
  const token = (request as { csrfToken?: string } | null)?.csrfToken;
  return token === undefined ? {} : { csrf_token: token };
};
const configs = [
  {
    backend: 'reins' as const,
    dirs: [join(root, 'dtl')],
    options: { contextProcessors: [csrfProcessor] },
  },
  { backend: 'nunjucks' as const, dirs: [join(root, 'njk')] },
];

describe('createTemplates', () => {
  const request = { path: '/p', csrfToken: 'TOKEN' };

  it('searches the engines in order', async () => {
    const templates = createTemplates(configs);
    expect(await templates.renderToString('home.html', { name: 'ann' }, request)).toBe(
      'DTL ANN <input type="hidden" name="csrfmiddlewaretoken" value="TOKEN">',
    );
    expect(await templates.renderToString('page.njk', { name: 'ann' }, request)).toBe('NJK ANN /p');
    expect(templates.getTemplate('shared.html').backend).toBe('reins');
    expect(await templates.getTemplate('shared.html', { using: 'nunjucks' }).render()).toBe(
      'from nunjucks',
    );
    expect(await templates.renderToString(['nope.html', 'page.njk'], { name: 'x' })).toBe('NJK X');
    expect([...templates.engines.keys()]).toEqual(['reins', 'nunjucks']);
  });

  it('reports every engine tried when a template is missing', () => {
    const templates = createTemplates(configs);
    let error: unknown;
    try {
      templates.getTemplate('missing.html');
    } catch (e) {
      error = e;
    }
    expect(TemplateDoesNotExist.isInstance(error)).toBe(true);
    expect((error as TemplateDoesNotExist).tried).toEqual([
      `reins: ${join(root, 'dtl', 'missing.html')} (Source does not exist)`,
      `nunjucks: ${join(root, 'njk', 'missing.html')} (Source does not exist)`,
    ]);
    expect(() => templates.selectTemplate('a' as unknown as string[])).toThrow(TypeError);
    expect(() => templates.getTemplate('home.html', { using: 'jinja2' })).toThrow(
      /No template engine named 'jinja2'/,
    );
  });

  it('reports Nunjucks syntax errors as TemplateSyntaxError', () => {
    const templates = createTemplates(configs);
    expect(() => templates.getTemplate('bad.njk')).toThrow(
      /TemplateSyntaxError|Template render error|expected/,
    );
  });

  it('accepts the nunjucks subpath factory and custom factories, with unique aliases', async () => {
    const echo: TemplateBackendFactory = (config) => ({
      name: config.name,
      getTemplate: (name) => ({
        name,
        origin: undefined,
        backend: config.name,
        render: () => `echo ${name}`,
      }),
      fromString: (source) => ({
        name: '<string>',
        origin: undefined,
        backend: config.name,
        render: () => source,
      }),
    });
    const templates = createTemplates([
      { backend: nunjucksBackend, name: 'njk', dirs: [join(root, 'njk')] },
      { backend: echo, name: 'echo' },
    ]);
    expect(await templates.renderToString('page.njk', { name: 'b' })).toBe('NJK B');
    expect(await templates.renderToString('anything')).toBe('echo anything');
    expect(() => createTemplates([{ backend: 'reins' }, { backend: 'reins' }])).toThrow(
      /aren't unique, duplicates: reins/,
    );
    expect(() => createTemplates([{ backend: 'jinja' as 'reins' }])).toThrow(/Invalid backend/);
  });
});

describe('backend templates', () => {
  it('pass render options (reverse) through to the reins engine', async () => {
    const templates = createTemplates([{ backend: 'reins', dirs: [join(root, 'dtl')] }]);
    write('dtl/link.html', "{% url 'home' %}");
    expect(
      await templates.getTemplate('link.html').render({}, undefined, { reverse: () => '/home/' }),
    ).toBe('/home/');
  });
});

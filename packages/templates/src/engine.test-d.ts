import { expectTypeOf, it } from 'vitest';
import { Engine } from './engine.js';
import { Library } from './library.js';
import type { Template } from './template.js';
import { createTemplates, type Templates } from './create-templates.js';
import type { BackendTemplate } from './template-backend.js';

it('types the engine and template API', () => {
  const engine = new Engine({ templates: {}, strict: true });
  expectTypeOf(engine.getTemplate('a')).toEqualTypeOf<Template>();
  expectTypeOf(engine.fromString('x').render({})).toEqualTypeOf<string>();
  expectTypeOf(engine.fromString('x').renderAsync()).toEqualTypeOf<Promise<string>>();
  expectTypeOf(new Library().filter('f', (v) => v)).toEqualTypeOf<Library>();
  // @ts-expect-error stringIfInvalid must be a string
  new Engine({ stringIfInvalid: 1 });
});

it('types the multi-engine API', () => {
  const templates = createTemplates([{ backend: 'reins', dirs: ['t'] }]);
  expectTypeOf(templates).toEqualTypeOf<Templates>();
  expectTypeOf(templates.getTemplate('a')).toEqualTypeOf<BackendTemplate>();
  expectTypeOf(templates.renderToString('a', {}, undefined, { using: 'reins' })).toEqualTypeOf<
    Promise<string>
  >();
  // @ts-expect-error unknown backend names are rejected by the type
  createTemplates([{ backend: 'jinja2' }]);
});

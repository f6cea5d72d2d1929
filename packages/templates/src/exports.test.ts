import { expect, it } from 'vitest';

it('exports exactly the public API', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual([
    'AppDirectoriesLoader',
    'Engine',
    'FileSystemLoader',
    'Library',
    'LocmemLoader',
    'SafeString',
    'Template',
    'TemplateDoesNotExist',
    'TemplateRecursionError',
    'TemplateRenderBudgetExceeded',
    'TemplateSyntaxError',
    'VariableDoesNotExist',
    'builtinFilters',
    'conditionalEscape',
    'createTemplates',
    'declareSync',
    'escape',
    'isSafe',
    'markSafe',
    'onTemplateRendered',
    'stringFilter',
  ]);
  expect(Object.keys(await import('./nunjucks/index.js')).sort()).toEqual(['nunjucksBackend']);
});

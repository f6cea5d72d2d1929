/**
 * Maps the calls of Django's own template_tests (syntax_tests, filter_tests — recorded by
 * tooling/django-suites/record.py) onto @reins/templates: each `Engine(loaders=[locmem …])` the
 * `@setup` decorator builds becomes a reins `Engine({ templates })`, and `render_to_string`,
 * `get_template`, `from_string` and `Template.render(Context(…))` run through it.
 */
import {
  PyCallable,
  PyDate,
  PyDateTime,
  PyDecimal,
  PyDict,
  PySafe,
  Unmapped,
  type Mapper,
} from '@reins/django-suites';
import { Engine, markSafe, Template } from '../../src/index.js';

/** Django's Context: a dict, and whether to autoescape. */
class PyContext {
  constructor(
    readonly dict: Record<string, unknown>,
    readonly autoescape: boolean,
  ) {}
}

/** Python values of a context as a JavaScript caller would pass them. */
function revive(value: unknown): unknown {
  if (value instanceof PySafe) return markSafe(value.text);
  if (value instanceof PyCallable)
    throw new Unmapped('a Python function in the context', 'callable');
  if (value instanceof PyDateTime) {
    if (/[+-]\d\d:\d\d$/.test(value.iso)) return new Date(value.iso);
    const [date = '', time = '00:00:00'] = value.iso.split('T');
    const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
    const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
    return new Date(y, mo - 1, d, h, mi, Math.floor(s), Math.round((s % 1) * 1000));
  }
  if (value instanceof PyDate) {
    // JavaScript has no date-only type: midnight, local time.
    const [y, mo, d] = value.iso.split('-').map(Number) as [number, number, number];
    return new Date(y, mo - 1, d);
  }
  if (value instanceof PyDecimal) throw new Unmapped('a Decimal in the context', 'Decimal');
  if (value instanceof PyDict)
    throw new Unmapped('a dict with non-string keys in the context', 'dict-keys');
  if (value instanceof Set) throw new Unmapped('a set in the context', 'set');
  if (typeof value === 'bigint')
    throw new Unmapped('an integer beyond 2^53 in the context', 'bigint');
  if (Array.isArray(value)) return value.map(revive);
  if (value !== null && typeof value === 'object') {
    if (Symbol.iterator in value) throw new Unmapped('an iterator in the context', 'iterator');
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

/** The locmem templates inside Django's loaders option (possibly wrapped by the cached loader). */
function templatesOf(loaders: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (value[0] === 'django.template.loaders.locmem.Loader') {
      Object.assign(found, value[1] as Record<string, string>);
      return;
    }
    for (const item of value) visit(item);
  };
  visit(loaders);
  return found;
}

/** Django's custom tag libraries are Python code; a template loading one cannot be replayed. */
function checkLibraries(engine: ReinsEngine, source: string): void {
  const removed = /\{%\s*(ifequal|ifnotequal)\s/.exec(source);
  if (removed !== null) {
    throw new Unmapped(`{% ${removed[1]} %} (deprecated in Django 3.1, removed in 4.0)`, 'ifequal');
  }
  if (/\{%\s*url\s/.test(source)) {
    throw new Unmapped(
      "the url tag (it resolves against Django's template_tests/urls.py)",
      'url-tag',
    );
  }
  for (const match of source.matchAll(/\{%\s*load\s+([^%]*?)\s*%\}/g)) {
    for (const name of (match[1] ?? '').split(/\s+/)) {
      if (engine.pythonLibraries.has(name)) {
        throw new Unmapped(
          `the Python tag library '${name}' of Django's tests`,
          `tag-library ${name}`,
        );
      }
    }
  }
}

interface ReinsEngine {
  readonly engine: Engine;
  readonly options: { string_if_invalid: string; debug: boolean };
  readonly templates: Record<string, string>;
  readonly pythonLibraries: Set<string>;
}

function allSources(engine: ReinsEngine): string {
  return Object.values(engine.templates).join('\n');
}

const ERROR_NAMES: Record<string, readonly string[]> = {
  TemplateSyntaxError: ['TemplateSyntaxError'],
  TemplateDoesNotExist: ['TemplateDoesNotExist'],
  VariableDoesNotExist: ['VariableDoesNotExist'],
  NoReverseMatch: ['NoReverseMatch'],
  ValueError: ['ValueError', 'TypeError', 'RangeError'],
  TypeError: ['TypeError'],
  RecursionError: ['TemplateRecursionError', 'RangeError'],
  TemplateRecursionError: ['TemplateRecursionError'],
};

/** The @reins/templates mapper. */
export const templatesMapper: Mapper = {
  construct(type, args, kwargs) {
    if (type === 'Context') {
      const dict = (args[0] ?? kwargs.dict_ ?? {}) as Record<string, unknown>;
      return new PyContext(revive(dict) as Record<string, unknown>, kwargs.autoescape !== false);
    }
    if (type !== 'Engine') throw new Unmapped(`new ${type}`);
    if (
      'dirs' in kwargs ||
      'app_dirs' in kwargs ||
      JSON.stringify(kwargs.loaders ?? null).includes('filesystem') ||
      JSON.stringify(kwargs.loaders ?? null).includes('app_directories')
    ) {
      throw new Unmapped("templates on disk in Django's tests directory", 'disk-templates');
    }
    for (const key of Object.keys(kwargs)) {
      if (!['loaders', 'libraries', 'string_if_invalid', 'debug', 'autoescape'].includes(key)) {
        throw new Unmapped(`Engine option ${key}`, `engine-${key}`);
      }
    }
    const templates = templatesOf(kwargs.loaders);
    const libraries = (kwargs.libraries ?? {}) as Record<string, unknown>;
    const options = {
      string_if_invalid:
        typeof kwargs.string_if_invalid === 'string' ? kwargs.string_if_invalid : '',
      debug: kwargs.debug === true,
    };
    const engine = new Engine({
      templates,
      autoescape: kwargs.autoescape !== false,
      debug: options.debug,
      stringIfInvalid: options.string_if_invalid,
    });
    const wrapped: ReinsEngine = {
      engine,
      options,
      templates,
      pythonLibraries: new Set(Object.keys(libraries)),
    };
    return wrapped;
  },

  call(target, type, name, args, kwargs) {
    if (type === 'Engine') {
      const e = target as ReinsEngine;
      checkLibraries(e, name === 'from_string' ? String(args[0]) : allSources(e));
      switch (name) {
        case 'render_to_string': {
          const context = args[1] ?? kwargs.context;
          const dict =
            context instanceof PyContext
              ? context.dict
              : (revive(context ?? {}) as Record<string, unknown>);
          return e.engine.getTemplate(String(args[0] ?? kwargs.template_name)).render(dict);
        }
        case 'get_template':
          return e.engine.getTemplate(String(args[0]));
        case 'from_string':
          return e.engine.fromString(String(args[0]));
        default:
          throw new Unmapped(`Engine.${name}`);
      }
    }
    if (type === 'Template' && target instanceof Template && name === 'render') {
      const context = args[0] ?? kwargs.context;
      if (context instanceof PyContext)
        return target.render(context.dict, { autoescape: context.autoescape });
      if (context === undefined || context === null) return target.render({});
      throw new Unmapped('Template.render() of something other than a Context');
    }
    throw new Unmapped(`${type}.${name}`);
  },

  get(target, type, name) {
    // The tests branch on the engine's options (`if self.engine.string_if_invalid:`).
    if (type === 'Engine' && (name === 'string_if_invalid' || name === 'debug')) {
      return (target as ReinsEngine).options[name];
    }
    throw new Unmapped(`${type}.${name}`);
  },

  set(_target, type, name) {
    throw new Unmapped(`setting ${type}.${name}`);
  },

  fn(name) {
    throw new Unmapped(name);
  },

  errorMatches(pythonType, error) {
    const names = ERROR_NAMES[pythonType] ?? [pythonType];
    return error instanceof Error && names.includes(error.name);
  },
};

/**
 * What a compiled `{% include %}` keeps between renders (`IncludeLink`): the template it found
 * last by name, reused while its `EngineLookup` holds, so an include in a loop looks its template
 * up once.
 *
 * @module
 */
import { TemplateDoesNotExist } from '../../template-does-not-exist.js';
import { constructRelativePath } from '../relative-path.js';
import { EngineLookup } from './engine-lookup.js';
import { unwrapTemplate } from './extends-link.js';
import { iterate } from './iteration.js';
import { pythonStr } from './output.js';
import type { RenderState, RuntimeTemplate } from './render-state.js';
import { isSafe } from '@reins/core';

/**
 * What `{% include value %}` names: a template (an object, or the first of a list that exists),
 * or a template name to find.
 */
function named(s: RenderState, value: unknown): RuntimeTemplate | string {
  const direct = unwrapTemplate(value);
  if (direct !== undefined) return direct;
  if (typeof value === 'string' || isSafe(value)) {
    const name = String(value);
    if (name === '') throw new TemplateDoesNotExist('No template names provided');
    return name;
  }
  if (value === null || value === undefined || value === '') {
    throw new TemplateDoesNotExist('No template names provided');
  }
  return s.engine.selectTemplate(iterate(value).map((item) => pythonStr(item)));
}

function find(s: RenderState, name: string, current: string): RuntimeTemplate {
  return s.engine.findTemplate(
    name.startsWith('.') ? constructRelativePath(current, name) : name,
    [],
  );
}

/** The template `{% include value %}` renders, looked up every time (the tree walker's). */
export function includedTemplate(s: RenderState, value: unknown, current: string): RuntimeTemplate {
  const found = named(s, value);
  return typeof found === 'string' ? find(s, found, current) : found;
}

/** One compiled `{% include %}`. */
export class IncludeLink {
  /** The name when the tag gives it as a non-empty string literal, else `null`. */
  readonly name: string | null;
  /** The including template's name, for names relative to it (`./x.html`). */
  readonly current: string;

  readonly #lookup = new EngineLookup();
  #template: RuntimeTemplate | null = null;

  constructor(name: string | null, current: string) {
    this.name = name;
    this.current = current;
  }

  /** The template `{% include value %}` renders (`value` unused when the name is a literal). */
  template(s: RenderState, value: unknown): RuntimeTemplate {
    let name = this.name;
    if (name === null) {
      const found = named(s, value);
      if (typeof found !== 'string') return found;
      name = found;
    }
    const engine = s.engine;
    if (this.#lookup.holds(name, engine)) return this.#template!;
    const template = find(s, name, this.current);
    this.#lookup.remember(name, engine);
    this.#template = template;
    return template;
  }
}

/**
 * Loads templates from an in-memory object of name → source (`LocmemLoader`, Django's
 * `locmem.Loader`), handy in tests and for templates bundled into code.
 *
 * @module
 */
import type { Loader, TemplateOrigin } from './loader.js';

/**
 * Templates held in memory.
 *
 * @example
 * const engine = new Engine({ loaders: [new LocmemLoader({ 'hello.html': 'Hello {{ name }}' })] });
 */
export class LocmemLoader implements Loader {
  readonly templates: Record<string, string>;

  constructor(templates: Record<string, string>) {
    this.templates = templates;
  }

  getTemplateSources(templateName: string): TemplateOrigin[] {
    return [{ name: `locmem:${templateName}`, templateName, loader: this }];
  }

  getContents(origin: TemplateOrigin): string | undefined {
    return Object.hasOwn(this.templates, origin.templateName)
      ? this.templates[origin.templateName]
      : undefined;
  }

  getStamp(origin: TemplateOrigin): number | undefined {
    const text = this.getContents(origin);
    // The source itself is the stamp's input: a changed entry gets a new hash.
    let hash = 0;
    if (text !== undefined)
      for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
    return hash;
  }
}

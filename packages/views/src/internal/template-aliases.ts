/**
 * Django templates written for Django say `{{ page_obj.has_next }}` and
 * `{{ paginator.num_pages }}`. The TypeScript API is camelCase, so the classes that reach templates
 * get their Django snake_case names as hidden (non-enumerable, untyped) aliases on the prototype:
 * templates find them, editors don't offer them.
 */
export function defineTemplateAliases(
  target: { prototype: object },
  aliases: Record<string, string>,
): void {
  for (const [alias, name] of Object.entries(aliases)) {
    let descriptor: PropertyDescriptor | undefined;
    for (let proto: object | null = target.prototype; proto && !descriptor;) {
      descriptor = Object.getOwnPropertyDescriptor(proto, name);
      proto = Object.getPrototypeOf(proto) as object | null;
    }
    if (descriptor && typeof descriptor.value === 'function') {
      Object.defineProperty(target.prototype, alias, {
        configurable: true,
        value: function (this: Record<string, () => unknown>) {
          return this[name]!();
        },
      });
    } else {
      Object.defineProperty(target.prototype, alias, {
        configurable: true,
        get(this: Record<string, unknown>) {
          return this[name];
        },
      });
    }
  }
}

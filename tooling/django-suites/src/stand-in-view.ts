/**
 * A recorded Django view (`{$callable: 'module.qualname'}`) stands for a function the replay can
 * route to and reverse by: one function per id, named after it, answering its id.
 */
const views = new Map<string, () => string>();

/** The stand-in function for a Django view (same `module.qualname` → same function). */
export function standInView(id: string): () => string {
  let view = views.get(id);
  if (view === undefined) {
    view = () => id;
    Object.defineProperty(view, 'name', { value: id });
    views.set(id, view);
  }
  return view;
}

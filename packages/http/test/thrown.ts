/** What `fn` threw, or `undefined`: the replays compare an error's class with Django's exception. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

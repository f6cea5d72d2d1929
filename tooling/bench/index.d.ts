export declare function benchGroups(
  title: string,
  groups: Array<[string, Array<[string, () => unknown]>]>,
): Promise<void>;

import { reinsPackage } from '@reins/tsup-config';

// `shims` gives the CJS build an `import.meta.url`, which FileResponse uses to load mime-types lazily.
export default reinsPackage({ shims: true });

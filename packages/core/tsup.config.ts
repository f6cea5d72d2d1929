import { reinsPackage } from '@reins/tsup-config';

// Two entries: the runtime-neutral main API, and signing, which is Node-only (node:crypto, node:zlib).
export default reinsPackage({ entry: ['src/index.ts', 'src/signing/index.ts'] });

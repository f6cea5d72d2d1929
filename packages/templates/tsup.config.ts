import { reinsPackage } from '@reins/tsup-config';

// Two entries: the main API, and the Nunjucks backend that imports the optional peer nunjucks.
export default reinsPackage({ entry: ['src/index.ts', 'src/nunjucks/index.ts'] });

import { reinsPackage } from '@reins/tsup-config';

export default reinsPackage();

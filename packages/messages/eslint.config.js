import reins from '@reins/eslint-config';

export default reins;

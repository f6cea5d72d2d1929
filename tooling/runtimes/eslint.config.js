import reins from '@reins/eslint-config';

export default [{ ignores: ['dist/**'] }, ...reins];

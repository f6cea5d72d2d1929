import reins from '@reins/eslint-config';

export default [{ ignores: ['bench/.generated/**'] }, ...reins];

import reins from '@reins/eslint-config';

// app-template/ is what `reins startapp` copies into a project; the project lints it there.
export default [...reins, { ignores: ['app-template/**'] }];

import reins from '@reins/eslint-config';

// template/ is the project create-reins writes; its own `npm run check` type-checks it there.
export default [...reins, { ignores: ['template/**'] }];

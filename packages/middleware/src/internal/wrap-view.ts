/** The view wrapper every decorator here uses, from `@reins/core` (shared with `@reins/cache`). */
export { wrapView } from '@reins/core';

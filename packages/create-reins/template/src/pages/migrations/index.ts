/** The pages app's migrations by name, applied in name order; add each new file here. */
import * as initial from './0001_initial.js';

export const migrations = {
  '0001_initial': initial,
};

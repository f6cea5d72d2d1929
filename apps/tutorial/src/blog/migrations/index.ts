import * as initial from './0001_initial.js';

export const migrations = {
  '0001_initial': initial,
};

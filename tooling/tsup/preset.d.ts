import type { Options } from 'tsup';
export declare function reinsPackage(overrides?: Options): Options;

/**
 * The helpers compiled template functions call, under the short aliases the generated code uses
 * (`$get`, `$cv`, …: less code for V8 to parse per compile). Each helper lives in the module of
 * its concept (`runtime/lookup.ts`, `runtime/comparison.ts`, …) or of its tag (`tags/*.ts`).
 *
 * @module
 */
import {
  hasBrand,
  isThenable,
  VARIABLE_DOES_NOT_EXIST_BRAND,
  markSafe,
  escapeHtml as fastEscape,
} from '@reins/core';
import { csrfInput } from '../tags/csrf-token.js';
import { debugText } from '../tags/debug.js';
import { loremText } from '../tags/lorem.js';
import { nowText } from '../tags/now.js';
import { regroupGroup } from '../tags/regroup.js';
import { stripSpacesBetweenTags } from '../tags/spaceless.js';
import { reverseUrl } from '../tags/url.js';
import { widthRatio } from '../tags/widthratio.js';
import { pyBool } from './python-truth.js';
import { callSimpleTag, renderInclusionTag, renderInclusionTagAsync } from './runtime/call-tags.js';
import {
  pyContains,
  pyEquals,
  pyGreater,
  pyGreaterOrEqual,
  pyIs,
  pyLess,
  pyLessOrEqual,
} from './runtime/comparison.js';
import { renderLinkedInclude } from './runtime/include.js';
import {
  extendLinked,
  extendLinkedAsync,
  renderBlock,
  renderBlockAsync,
  renderSuper,
  renderSuperAsync,
} from './runtime/inheritance.js';
import { forloopObject, iterate, iterateAsync, unpackLoopItem } from './runtime/iteration.js';
import { ifchangedState } from './runtime/ifchanged-state.js';
import { libraryTag, libraryTagText } from './runtime/library-tag.js';
import {
  lookupFirstKey,
  lookupKey,
  lookupKeyAsync,
  missingArgument,
  missingVariable,
  resolveCallable,
  resolveCallableAsync,
} from './runtime/lookup.js';
import {
  applySafeFilter,
  AUTOESCAPE_OFF,
  AUTOESCAPE_ON,
  pythonStr,
  renderValue,
  renderVariable,
  toLowerCase,
  toUpperCase,
} from './runtime/output.js';
import { budgetStep } from './runtime/render-budget.js';
import { needsAsync } from './runtime/render-state.js';

export type {
  CompiledTemplate,
  MissingInfo,
  RenderState,
  RuntimeEngine,
  RuntimeTemplate,
} from './runtime/render-state.js';
export { needsAsync } from './runtime/render-state.js';
export { BLOCKED_NAMES } from './runtime/lookup.js';

/** Whether `error` is a `VariableDoesNotExist` (from any copy of the package). */
function isVariableDoesNotExist(error: unknown): boolean {
  return hasBrand(error, VARIABLE_DOES_NOT_EXIST_BRAND);
}

/** A sync render's check of a tag's result: a promise needs `renderAsync()`. */
function rejectPromise(value: unknown): unknown {
  if (isThenable(value)) throw needsAsync();
  return value;
}

/** Every helper, by the alias the generated code declares it under (`const $get = rt.get`). */
export const RUNTIME_HELPERS = {
  get: lookupKey,
  attr: lookupFirstKey,
  toUpperCase,
  toLowerCase,
  getA: lookupKeyAsync,
  cv: resolveCallable,
  cvA: resolveCallableAsync,
  out: renderValue,
  outv: renderVariable,
  esc: fastEscape,
  str: pythonStr,
  truthy: pyBool,
  fs: applySafeFilter,
  noArg: missingArgument,
  missing: missingVariable,
  eq: pyEquals,
  lt: pyLess,
  le: pyLessOrEqual,
  gt: pyGreater,
  ge: pyGreaterOrEqual,
  is: pyIs,
  contains: pyContains,
  step: budgetStep,
  iter: iterate,
  iterA: iterateAsync,
  unpack: unpackLoopItem,
  forloop: forloopObject,
  icState: ifchangedState,
  spaceless: stripSpacesBetweenTags,
  group: regroupGroup,
  widthratio: widthRatio,
  lorem: loremText,
  now: nowText,
  csrf: csrfInput,
  debug: debugText,
  url: reverseUrl,
  block: renderBlock,
  blockA: renderBlockAsync,
  blockSuper: renderSuper,
  blockSuperA: renderSuperAsync,
  extend: extendLinked,
  extendA: extendLinkedAsync,
  include: renderLinkedInclude,
  includeA: renderLinkedInclude,
  simple: callSimpleTag,
  inclusion: renderInclusionTag,
  inclusionA: renderInclusionTagAsync,
  libraryTag,
  libraryTagText,
  markSafe,
  isThenable,
  AE_ON: AUTOESCAPE_ON,
  AE_OFF: AUTOESCAPE_OFF,
  isVDNE: isVariableDoesNotExist,
  sync: rejectPromise,
};

/** The helpers' aliases. */
export type RuntimeHelperName = keyof typeof RUNTIME_HELPERS;

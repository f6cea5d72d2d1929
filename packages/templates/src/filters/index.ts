/**
 * The built-in filters of the Django 3.2 template language, by name (`builtinFilters`). Each filter
 * lives in a file named for its topic; this module only assembles the registry.
 *
 * @module
 */
import { add, divisibleby, getDigit } from './arithmetic.js';
import { date, time, timesince, timeuntil } from './dates.js';
import { dictsort, dictsortreversed } from './dictsort.js';
import { escapejs } from './escapejs.js';
import type { FilterSpec } from './filter-spec.js';
import { filesizeformat } from './filesizeformat.js';
import { floatformat } from './floatformat.js';
import { escape, forceEscape, safe, safeseq } from './html-escape.js';
import { jsonScript } from './json-script.js';
import { linebreaks, linebreaksbr, linenumbers } from './line-breaks.js';
import { first, join, last, length, lengthIs, makeList, random, slice } from './lists.js';
import { defaultFilter, defaultIfNone, pluralize, yesno } from './logic.js';
import { pprint } from './pprint.js';
import { slugify } from './slugify.js';
import { center, ljust, rjust } from './string-align.js';
import { capfirst, lower, title, upper } from './string-case.js';
import { addslashes, cut, phone2numeric } from './string-edit.js';
import { stringformat } from './stringformat.js';
import { striptags } from './strip-tags.js';
import { truncatechars, truncatecharsHtml, truncatewords, truncatewordsHtml } from './truncate.js';
import { unorderedList } from './unordered-list.js';
import { urlize, urlizetrunc } from './urlize.js';
import { iriencode, urlencode } from './urls.js';
import { wordcount, wordwrap } from './words.js';

/**
 * Every built-in filter of Django 3.2, keyed by its template name.
 *
 * @example
 * builtinFilters.upper!.fn('hi', undefined, { autoescape: true }); // 'HI'
 */
export const builtinFilters: Readonly<Record<string, FilterSpec>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, FilterSpec>, {
    add,
    addslashes,
    capfirst,
    center,
    cut,
    date,
    default: defaultFilter,
    default_if_none: defaultIfNone,
    dictsort,
    dictsortreversed,
    divisibleby,
    escape,
    escapejs,
    filesizeformat,
    first,
    floatformat,
    force_escape: forceEscape,
    get_digit: getDigit,
    iriencode,
    join,
    json_script: jsonScript,
    last,
    length,
    length_is: lengthIs,
    linebreaks,
    linebreaksbr,
    linenumbers,
    ljust,
    lower,
    make_list: makeList,
    phone2numeric,
    pluralize,
    pprint,
    random,
    rjust,
    safe,
    safeseq,
    slice,
    slugify,
    stringformat,
    striptags,
    time,
    timesince,
    timeuntil,
    title,
    truncatechars,
    truncatechars_html: truncatecharsHtml,
    truncatewords,
    truncatewords_html: truncatewordsHtml,
    unordered_list: unorderedList,
    upper,
    urlencode,
    urlize,
    urlizetrunc,
    wordcount,
    wordwrap,
    yesno,
  }),
);

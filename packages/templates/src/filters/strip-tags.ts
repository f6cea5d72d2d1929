/**
 * `striptags` and the `stripTags` helper: Django's `strip_tags`, which feeds the text to Python's
 * `html.parser.HTMLParser` (character references kept as written), keeps only the data, and
 * repeats until no more tags are found. The tokenizer below follows CPython 3.11's `HTMLParser`
 * state machine (start/end tags, comments, declarations, processing instructions, `<script>` and
 * `<style>` raw text, and what an unfinished construct leaves behind at `close()`), because
 * which characters survive depends on exactly those rules.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { stringValue } from './filter-values.js';
import { PythonError } from '../internal/python-errors.js';
import { PY_WHITESPACE } from '../internal/python-text.js';

const S = PY_WHITESPACE;
const INTERESTING_NORMAL = /[&<]/g;
const ENTITYREF = /&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]/y;
const CHARREF = /&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]/y;
const INCOMPLETE = /&[a-zA-Z#]/y;
const STARTTAGOPEN = /<[a-zA-Z]/y;
const TAGFIND_TOLERANT = new RegExp(`([a-zA-Z][^\\t\\n\\r\\f />\\x00]*)(?:[${S}]|/(?!>))*`, 'y');
const ATTRFIND_TOLERANT = new RegExp(
  `((?<=['"${S}/])[^${S}/>][^${S}/=>]*)([${S}]*=+[${S}]*` +
    `('[^']*'|"[^"]*"|(?!['"])[^>${S}]*))?(?:[${S}]|/(?!>))*`,
  'y',
);
const LOCATESTARTTAGEND_TOLERANT = new RegExp(
  `<[a-zA-Z][^\\t\\n\\r\\f />\\x00]*` +
    `(?:[${S}/]*(?:(?<=['"${S}/])[^${S}/>][^${S}/=>]*` +
    `(?:[${S}]*=+[${S}]*(?:'[^']*'|"[^"]*"|(?!['"])[^>${S}]*)[${S}]*)?(?:[${S}]|/(?!>))*)*)?` +
    `[${S}]*`,
  'y',
);
const ENDTAGFIND = new RegExp(`</[${S}]*([a-zA-Z][-.a-zA-Z0-9:_]*)[${S}]*>`, 'y');
const COMMENTCLOSE = new RegExp(`--[${S}]*>`, 'g');
const MARKEDSECTIONCLOSE = new RegExp(`][${S}]*][${S}]*>`, 'g');
const MSMARKEDSECTIONCLOSE = new RegExp(`][${S}]*>`, 'g');
const DECLNAME = new RegExp(`[a-zA-Z][-_.a-zA-Z0-9]*[${S}]*`, 'y');
const STRIP = new RegExp(`^[${S}]+|[${S}]+$`, 'g');
const CDATA_ELEMENTS = new Set(['script', 'style']);

function stickyMatch(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function searchFrom(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** CPython's HTMLParser with `convert_charrefs=False`, collecting data, entity and char refs. */
class DataCollector {
  private raw = '';
  private cdataElem: string | null = null;
  private interesting: RegExp = INTERESTING_NORMAL;
  readonly fed: string[] = [];

  feed(data: string): void {
    this.raw += data;
    this.goahead(false);
  }

  close(): void {
    this.goahead(true);
  }

  private setCdataMode(elem: string): void {
    this.cdataElem = elem;
    this.interesting = new RegExp(`</[${S}]*${elem}[${S}]*>`, 'gi');
  }

  private clearCdataMode(): void {
    this.interesting = INTERESTING_NORMAL;
    this.cdataElem = null;
  }

  private goahead(end: boolean): void {
    const raw = this.raw;
    let i = 0;
    const n = raw.length;
    while (i < n) {
      let j: number;
      const match = searchFrom(this.interesting, raw, i);
      if (match) j = match.index;
      else {
        if (this.cdataElem) break;
        j = n;
      }
      if (i < j) this.fed.push(raw.slice(i, j));
      i = j;
      if (i === n) break;
      if (raw.startsWith('<', i)) {
        let k: number;
        if (stickyMatch(STARTTAGOPEN, raw, i)) k = this.parseStarttag(i);
        else if (raw.startsWith('</', i)) k = this.parseEndtag(i);
        else if (raw.startsWith('<!--', i)) k = this.parseComment(i);
        else if (raw.startsWith('<?', i)) k = this.parsePi(i);
        else if (raw.startsWith('<!', i)) k = this.parseHtmlDeclaration(i);
        else if (i + 1 < n) {
          this.fed.push('<');
          k = i + 1;
        } else break;
        if (k < 0) {
          if (!end) break;
          k = raw.indexOf('>', i + 1);
          if (k < 0) {
            k = raw.indexOf('<', i + 1);
            if (k < 0) k = i + 1;
          } else k += 1;
          this.fed.push(raw.slice(i, k));
        }
        i = k;
      } else if (raw.startsWith('&#', i)) {
        const m = stickyMatch(CHARREF, raw, i);
        if (m) {
          this.fed.push(`&#${m[0].slice(2, -1)};`);
          let k = i + m[0].length;
          if (raw[k - 1] !== ';') k -= 1;
          i = k;
          continue;
        }
        if (raw.slice(i).includes(';')) {
          this.fed.push(raw.slice(i, i + 2));
          i += 2;
        }
        break;
      } else if (raw.startsWith('&', i)) {
        const m = stickyMatch(ENTITYREF, raw, i);
        if (m) {
          this.fed.push(`&${m[1]!};`);
          let k = i + m[0].length;
          if (raw[k - 1] !== ';') k -= 1;
          i = k;
          continue;
        }
        const inc = stickyMatch(INCOMPLETE, raw, i);
        if (inc) {
          if (end && inc[0] === raw.slice(i)) i += 1;
          break;
        } else if (i + 1 < n) {
          this.fed.push('&');
          i += 1;
        } else break;
      } else {
        throw new PythonError('AssertionError', 'interesting.search() lied');
      }
    }
    if (end && i < n && !this.cdataElem) {
      this.fed.push(raw.slice(i, n));
      i = n;
    }
    this.raw = raw.slice(i);
  }

  private parseHtmlDeclaration(i: number): number {
    const raw = this.raw;
    if (raw.startsWith('<!--', i)) return this.parseComment(i);
    if (raw.startsWith('<![', i)) return this.parseMarkedSection(i);
    if (raw.slice(i, i + 9).toLowerCase() === '<!doctype') {
      const gt = raw.indexOf('>', i + 9);
      return gt === -1 ? -1 : gt + 1;
    }
    return this.parseBogusComment(i);
  }

  private parseBogusComment(i: number): number {
    const pos = this.raw.indexOf('>', i + 2);
    return pos === -1 ? -1 : pos + 1;
  }

  private parsePi(i: number): number {
    const pos = this.raw.indexOf('>', i + 2);
    return pos === -1 ? -1 : pos + 1;
  }

  private parseComment(i: number): number {
    const m = searchFrom(COMMENTCLOSE, this.raw, i + 4);
    return m ? m.index + m[0].length : -1;
  }

  private scanName(i: number, declStart: number): [string | null, number] {
    const raw = this.raw;
    if (i === raw.length) return [null, -1];
    const m = stickyMatch(DECLNAME, raw, i);
    if (m) {
      if (i + m[0].length === raw.length) return [null, -1];
      return [m[0].replace(STRIP, '').toLowerCase(), i + m[0].length];
    }
    throw new PythonError(
      'AssertionError',
      `expected name token at ${JSON.stringify(raw.slice(declStart, declStart + 20))}`,
    );
  }

  private parseMarkedSection(i: number): number {
    const [name, j] = this.scanName(i + 3, i);
    if (j < 0) return j;
    let m: RegExpExecArray | null;
    if (name !== null && ['temp', 'cdata', 'ignore', 'include', 'rcdata'].includes(name)) {
      m = searchFrom(MARKEDSECTIONCLOSE, this.raw, i + 3);
    } else if (name !== null && ['if', 'else', 'endif'].includes(name)) {
      m = searchFrom(MSMARKEDSECTIONCLOSE, this.raw, i + 3);
    } else {
      throw new PythonError(
        'AssertionError',
        `unknown status keyword ${JSON.stringify(this.raw.slice(i + 3, j))} in marked section`,
      );
    }
    return m ? m.index + m[0].length : -1;
  }

  private checkForWholeStartTag(i: number): number {
    const raw = this.raw;
    const m = stickyMatch(LOCATESTARTTAGEND_TOLERANT, raw, i)!;
    const j = i + m[0].length;
    const next = raw.slice(j, j + 1);
    if (next === '>') return j + 1;
    if (next === '/') {
      if (raw.startsWith('/>', j)) return j + 2;
      if (raw.startsWith('/', j)) return -1;
      return j > i ? j : i + 1;
    }
    if (next === '') return -1;
    if (/^[a-zA-Z=/]$/.test(next)) return -1;
    return j > i ? j : i + 1;
  }

  private parseStarttag(i: number): number {
    const endpos = this.checkForWholeStartTag(i);
    if (endpos < 0) return endpos;
    const raw = this.raw;
    const tagMatch = stickyMatch(TAGFIND_TOLERANT, raw, i + 1)!;
    let k = i + 1 + tagMatch[0].length;
    const tag = tagMatch[1]!.toLowerCase();
    while (k < endpos) {
      const m = stickyMatch(ATTRFIND_TOLERANT, raw, k);
      if (!m || m[0].length === 0) break;
      k += m[0].length;
    }
    const rest = raw.slice(k, endpos).replace(STRIP, '');
    if (rest !== '>' && rest !== '/>') {
      this.fed.push(raw.slice(i, endpos));
      return endpos;
    }
    if (!rest.endsWith('/>') && CDATA_ELEMENTS.has(tag)) this.setCdataMode(tag);
    return endpos;
  }

  private parseEndtag(i: number): number {
    const raw = this.raw;
    const gt = raw.indexOf('>', i + 1);
    if (gt === -1) return -1;
    const gtpos = gt + 1;
    const m = stickyMatch(ENDTAGFIND, raw, i);
    if (!m) {
      if (this.cdataElem !== null) {
        this.fed.push(raw.slice(i, gtpos));
        return gtpos;
      }
      const nameMatch = stickyMatch(TAGFIND_TOLERANT, raw, i + 2);
      if (!nameMatch) {
        if (raw.startsWith('</>', i)) return i + 3;
        return this.parseBogusComment(i);
      }
      const close = raw.indexOf('>', i + 2 + nameMatch[0].length);
      return close + 1;
    }
    const elem = m[1]!.toLowerCase();
    if (this.cdataElem !== null && elem !== this.cdataElem) {
      this.fed.push(raw.slice(i, gtpos));
      return gtpos;
    }
    this.clearCdataMode();
    return i + m[0].length;
  }
}

function stripOnce(value: string): string {
  const parser = new DataCollector();
  parser.feed(value);
  parser.close();
  return parser.fed.join('');
}

const MAX_STRIP_TAGS_DEPTH = 50;
const LONG_OPEN_TAG = /<[a-zA-Z][^>]{1000,}/g;

function countLt(text: string): number {
  let count = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) count += 1;
  return count;
}

/**
 * Remove HTML tags, comments and declarations, keeping text and character references, as
 * Django's `strip_tags` does.
 *
 * @throws {PythonError} `SuspiciousOperation` for pathologically nested input, as Django.
 * @example
 * stripTags('<p>Hi <b>there</b></p>'); // 'Hi there'
 */
export function stripTags(text: string): string {
  let value = text;
  for (const m of value.matchAll(LONG_OPEN_TAG)) {
    if (countLt(m[0]) >= MAX_STRIP_TAGS_DEPTH) {
      throw new PythonError('SuspiciousOperation', 'strip_tags: too many nested open tags');
    }
  }
  let depth = 0;
  while (value.includes('<') && value.includes('>')) {
    if (depth >= MAX_STRIP_TAGS_DEPTH) {
      throw new PythonError('SuspiciousOperation', 'strip_tags: too deeply nested');
    }
    const next = stripOnce(value);
    if (countLt(value) === countLt(next)) break;
    value = next;
    depth += 1;
  }
  return value;
}

/** `{{ value|striptags }}` — text without its tags; the result is escaped again on output. */
export const striptags: FilterSpec = {
  fn: (value) => stripTags(stringValue(value)),
  isSafe: true,
  arg: 'none',
};

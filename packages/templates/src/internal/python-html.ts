/**
 * Python's `html.unescape` (`pyHtmlUnescape`): numeric references with the HTML5 rules for invalid
 * code points, and named references. The named table here holds the 106 legacy names HTML5
 * accepts without a semicolon plus the common semicolon-terminated ones; a rarer HTML5 name
 * (`&NotSquareSupersetEqual;`) is left as written — the one known gap from Python's full table.
 *
 * @module
 */

const LEGACY: Record<string, string> = {
  Aacute: 'Á',
  aacute: 'á',
  Acirc: 'Â',
  acirc: 'â',
  acute: '´',
  AElig: 'Æ',
  aelig: 'æ',
  Agrave: 'À',
  agrave: 'à',
  AMP: '&',
  amp: '&',
  Aring: 'Å',
  aring: 'å',
  Atilde: 'Ã',
  atilde: 'ã',
  Auml: 'Ä',
  auml: 'ä',
  brvbar: '¦',
  Ccedil: 'Ç',
  ccedil: 'ç',
  cedil: '¸',
  cent: '¢',
  COPY: '©',
  copy: '©',
  curren: '¤',
  deg: '°',
  divide: '÷',
  Eacute: 'É',
  eacute: 'é',
  Ecirc: 'Ê',
  ecirc: 'ê',
  Egrave: 'È',
  egrave: 'è',
  ETH: 'Ð',
  eth: 'ð',
  Euml: 'Ë',
  euml: 'ë',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  GT: '>',
  gt: '>',
  Iacute: 'Í',
  iacute: 'í',
  Icirc: 'Î',
  icirc: 'î',
  iexcl: '¡',
  Igrave: 'Ì',
  igrave: 'ì',
  iquest: '¿',
  Iuml: 'Ï',
  iuml: 'ï',
  laquo: '«',
  LT: '<',
  lt: '<',
  macr: '¯',
  micro: 'µ',
  middot: '·',
  nbsp: '\u00a0',
  not: '¬',
  Ntilde: 'Ñ',
  ntilde: 'ñ',
  Oacute: 'Ó',
  oacute: 'ó',
  Ocirc: 'Ô',
  ocirc: 'ô',
  Ograve: 'Ò',
  ograve: 'ò',
  ordf: 'ª',
  ordm: 'º',
  Oslash: 'Ø',
  oslash: 'ø',
  Otilde: 'Õ',
  otilde: 'õ',
  Ouml: 'Ö',
  ouml: 'ö',
  para: '¶',
  plusmn: '±',
  pound: '£',
  QUOT: '"',
  quot: '"',
  raquo: '»',
  REG: '®',
  reg: '®',
  sect: '§',
  shy: '\u00ad',
  sup1: '¹',
  sup2: '²',
  sup3: '³',
  szlig: 'ß',
  THORN: 'Þ',
  thorn: 'þ',
  times: '×',
  Uacute: 'Ú',
  uacute: 'ú',
  Ucirc: 'Û',
  ucirc: 'û',
  Ugrave: 'Ù',
  ugrave: 'ù',
  uml: '¨',
  Uuml: 'Ü',
  uuml: 'ü',
  Yacute: 'Ý',
  yacute: 'ý',
  yen: '¥',
  yuml: 'ÿ',
};

const SEMICOLON_ONLY: Record<string, string> = {
  apos: "'",
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  euro: '€',
  trade: '™',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  hearts: '♥',
  infin: '∞',
  ne: '≠',
  le: '≤',
  ge: '≥',
  minus: '−',
  lowast: '∗',
  sbquo: '‚',
  bdquo: '„',
  dagger: '†',
  Dagger: '‡',
  permil: '‰',
  lsaquo: '‹',
  rsaquo: '›',
  prime: '′',
  Prime: '″',
  oline: '‾',
  frasl: '⁄',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  sim: '∼',
  asymp: '≈',
  equiv: '≡',
  sum: '∑',
  prod: '∏',
  radic: '√',
  part: '∂',
  nabla: '∇',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  pi: 'π',
  sigma: 'σ',
  omega: 'ω',
  Omega: 'Ω',
  Delta: 'Δ',
  lambda: 'λ',
  mu: 'μ',
  theta: 'θ',
  spades: '♠',
  clubs: '♣',
  diams: '♦',
  loz: '◊',
  circ: 'ˆ',
  tilde: '˜',
  fnof: 'ƒ',
  OElig: 'Œ',
  oelig: 'œ',
  Scaron: 'Š',
  scaron: 'š',
  Yuml: 'Ÿ',
  colon: ':',
  comma: ',',
  period: '.',
  semi: ';',
  excl: '!',
  quest: '?',
  num: '#',
  dollar: '$',
  percnt: '%',
  lpar: '(',
  rpar: ')',
  ast: '*',
  plus: '+',
  sol: '/',
  bsol: '\\',
  lsqb: '[',
  rsqb: ']',
  lcub: '{',
  rcub: '}',
  verbar: '|',
  grave: '`',
  Tab: '\t',
  NewLine: '\n',
  nbsp: '\u00a0',
};

// HTML5's table of the C1 range interpreted as windows-1252, plus NUL and CR.
const INVALID_CHARREFS: Record<number, string> = {
  0: '\ufffd',
  13: '\r',
  128: '€',
  129: '\u0081',
  130: '‚',
  131: 'ƒ',
  132: '„',
  133: '…',
  134: '†',
  135: '‡',
  136: 'ˆ',
  137: '‰',
  138: 'Š',
  139: '‹',
  140: 'Œ',
  141: '\u008d',
  142: 'Ž',
  143: '\u008f',
  144: '\u0090',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  149: '•',
  150: '–',
  151: '—',
  152: '˜',
  153: '™',
  154: 'š',
  155: '›',
  156: 'œ',
  157: '\u009d',
  158: 'ž',
  159: 'Ÿ',
};

function isInvalidCodepoint(n: number): boolean {
  return (
    (n >= 0x1 && n <= 0x8) ||
    n === 0xb ||
    (n >= 0xe && n <= 0x1f) ||
    (n >= 0x7f && n <= 0x9f) ||
    (n >= 0xfdd0 && n <= 0xfdef) ||
    (n & 0xfffe) === 0xfffe
  );
}

function named(name: string): string | undefined {
  if (name.endsWith(';')) {
    const bare = name.slice(0, -1);
    return SEMICOLON_ONLY[bare] ?? LEGACY[bare];
  }
  return LEGACY[name];
}

const CHARREF = /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/g;

function replaceCharref(_match: string, ref: string): string {
  if (ref.startsWith('#')) {
    const digits = ref.replace(/;$/, '');
    const num =
      digits[1] === 'x' || digits[1] === 'X'
        ? Number.parseInt(digits.slice(2), 16)
        : Number.parseInt(digits.slice(1), 10);
    const invalid = INVALID_CHARREFS[num];
    if (invalid !== undefined) return invalid;
    if ((num >= 0xd800 && num <= 0xdfff) || num > 0x10ffff) return '\ufffd';
    if (isInvalidCodepoint(num)) return '';
    return String.fromCodePoint(num);
  }
  const direct = named(ref);
  if (direct !== undefined) return direct;
  // HTML5: the longest legacy name that prefixes the reference wins.
  for (let x = ref.length - 1; x > 1; x--) {
    const hit = named(ref.slice(0, x));
    if (hit !== undefined) return hit + ref.slice(x);
  }
  return `&${ref}`;
}

/**
 * Python `html.unescape(text)`.
 *
 * @example
 * pyHtmlUnescape('&lt;b&gt; &#65;&ampx'); // '<b> A&x'
 */
export function pyHtmlUnescape(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(CHARREF, replaceCharref);
}

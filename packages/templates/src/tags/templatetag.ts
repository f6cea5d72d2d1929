/**
 * `{% templatetag openblock %}` and friends: the syntax characters as text.
 *
 * @module
 */
import type { Node, Parser, Token } from './tag-types.js';
import { TemplateSyntaxError } from '../template-syntax-error.js';
import { pySplit } from '../internal/smart-split.js';

const TEMPLATETAG: Record<string, string> = {
  openblock: '{%',
  closeblock: '%}',
  openvariable: '{{',
  closevariable: '}}',
  openbrace: '{',
  closebrace: '}',
  opencomment: '{#',
  closecomment: '#}',
};

/** Parse `{% templatetag %}`. */
export function parseTemplatetag(_parser: Parser, token: Token): Node | Node[] {
  const bits = pySplit(token.contents);
  if (bits.length !== 2)
    throw new TemplateSyntaxError("'templatetag' statement takes one argument");
  const text = Object.hasOwn(TEMPLATETAG, bits[1]!) ? TEMPLATETAG[bits[1]!] : undefined;
  if (text === undefined) {
    throw new TemplateSyntaxError(
      `Invalid templatetag argument: '${bits[1]!}'. Must be one of: [${Object.keys(TEMPLATETAG)
        .map((k) => `'${k}'`)
        .join(', ')}]`,
    );
  }
  return { type: 'text', text, token };
}

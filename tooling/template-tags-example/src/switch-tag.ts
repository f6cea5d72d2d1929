/**
 * `{% switch value %}{% case 'a' %}…{% case 'b' %}…{% else %}…{% endswitch %}`: a block tag with
 * intermediate tags, each case compared with `==` on the resolved values.
 *
 * @module
 */
import type { Library, TagExpression, TagNodeList } from '@reins/templates';
import { maybeAll, maybeThen } from './maybe-then.js';

/** Register `{% switch %}` on `library`. */
export function registerSwitchTag(library: Library): Library {
  return library.tag('switch', (parser, token) => {
    const bits = token.splitContents();
    if (bits.length !== 2)
      throw parser.error(`'switch' takes one argument, got ${String(bits.length - 1)}.`);
    const subject = parser.compileFilter(bits[1]!);
    const cases: { value: TagExpression; body: TagNodeList }[] = [];
    let otherwise: TagNodeList | undefined;
    parser.parse(['case', 'else', 'endswitch']);
    for (let next = parser.nextToken(); ;) {
      const [name, ...args] = next.splitContents();
      if (name === 'endswitch') break;
      if (otherwise !== undefined)
        throw parser.error(`'else' must be the last branch of 'switch'.`);
      if (name === 'case') {
        if (args.length !== 1) throw parser.error(`'case' takes one argument.`);
        cases.push({
          value: parser.compileFilter(args[0]!),
          body: parser.parse(['case', 'else', 'endswitch']),
        });
      } else {
        otherwise = parser.parse(['case', 'endswitch']);
      }
      next = parser.nextToken();
    }
    return {
      render(context) {
        const values = maybeAll([
          context.resolve(subject),
          ...cases.map((c) => context.resolve(c.value)),
        ]);
        return maybeThen(values, ([actual, ...expected]) => {
          const index = expected.findIndex((value) => String(value) === String(actual));
          const body = index === -1 ? otherwise : cases[index]!.body;
          return body === undefined ? '' : context.renderNodes(body);
        });
      },
    };
  });
}

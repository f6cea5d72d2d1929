/**
 * The compile step of library tags: a simple or inclusion tag becomes one runtime call; a
 * `Library.tag()` node's expressions and bodies become closures over the template's locals.
 *
 * @module
 */
import type { Scope } from './compile-scope.js';
import type { Compiler } from './compiler.js';
import type { CallTagNode, LibraryTagNode } from './nodes.js';

/** A `Library.simpleTag()` or `Library.inclusionTag()` call. */
export function compileCallTag(node: CallTagNode, compiler: Compiler, scope: Scope): string {
  const tag = compiler.constant(node.tag);
  const args = `[${node.args.map((a) => compiler.expression(a, scope, 'value', node.token)).join(', ')}]`;
  const kwargs = compiler.keywordObject(node.kwargs, scope, node.token);
  const snap = node.tag.takesContext ? compiler.snapshot(scope) : 'null';
  const params = `ctx, s, ${compiler.autoescapeExpression()}, ${tag}, ${args}, ${kwargs}, ${snap}`;
  if (node.tag.kind === 'inclusion') {
    return `o += ${compiler.asyncMode ? `await $inclusionA(${params})` : `$inclusion(${params})`};\n`;
  }
  const t = compiler.temporary();
  const call = compiler.asyncMode
    ? `${t} = await $simple(${params});\n`
    : `${t} = $sync($simple(${params}));\n`;
  return (
    call +
    (node.asVar !== undefined
      ? compiler.assign(node.asVar, scope, t)
      : `o += $out(${t}, ${compiler.autoescapeExpression()});\n`)
  );
}

/**
 * A `Library.tag()` node: its expressions and bodies become closures over this function's
 * locals (each with its own temporaries, so an async tag may evaluate them concurrently), called
 * by index when the node's `render` asks for them.
 */
export function compileLibraryTag(node: LibraryTagNode, compiler: Compiler, scope: Scope): string {
  const { record } = node;
  const expressionAt =
    record.expressions.length === 0
      ? 'null'
      : closure(compiler, false, () =>
          record.expressions
            .map(
              (expression, index) =>
                `case ${String(index)}: return ${compiler.expression(expression, scope, 'value', node.token)};\n`,
            )
            .join(''),
        );
  const bodyAt =
    record.bodies.length === 0
      ? 'null'
      : closure(compiler, true, () =>
          record.bodies
            .map(
              (body, index) =>
                `case ${String(index)}: {\n${compiler.nodes(body, scope)}break;\n}\n`,
            )
            .join(''),
        );
  compiler.token = node.token;
  const t = compiler.temporary();
  const snapshot = compiler.snapshot(scope);
  const locals = snapshot === 'null' ? 'null' : `() => (${snapshot})`;
  const call = `$libraryTag(${compiler.constant(record)}, ctx, s, ${compiler.autoescapeExpression()}, ${expressionAt}, ${bodyAt}, ${locals})`;
  const code = `${t} = ${compiler.asyncMode ? compiler.awaitIfThenable(call) : `$sync(${call})`};\n`;
  return (
    code +
    (record.node?.asVar !== undefined
      ? compiler.assign(record.node.asVar, scope, t)
      : `o += $libraryTagText(${t});\n`)
  );
}

/**
 * `(i) => { switch (i) { … } }` over the cases `generate` returns, generated with temporaries of
 * its own (so an async tag may evaluate several at once); `output` closures collect into their own
 * `o` and return it. Async only when the code awaits.
 */
function closure(compiler: Compiler, output: boolean, generate: () => string): string {
  const { code: cases, temporaries } = compiler.withOwnTemporaries(generate);
  const locals = [...(output ? ["o = ''"] : []), ...temporaries];
  const body =
    (locals.length > 0 ? `let ${locals.join(', ')};\n` : '') +
    `switch (i) {\n${cases}}\n` +
    (output ? 'return o;\n' : '');
  return `(${compiler.asyncMode && cases.includes('await ') ? 'async ' : ''}(i) => {\n${body}})`;
}

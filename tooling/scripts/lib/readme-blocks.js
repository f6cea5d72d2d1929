// @ts-check
/**
 * The TypeScript code blocks of a Markdown file, with the README line each starts on and the
 * fence's flags: ```ts run (executed), ```ts nocheck: <reason> (skipped, the reason required).
 */

/**
 * @typedef {object} CodeBlock
 * @property {number} line 1-based line of the block's first code line in the Markdown file
 * @property {string} code
 * @property {'check' | 'run' | 'nocheck'} mode
 * @property {string} reason why a `nocheck` block is not checked ('' otherwise)
 */

const fence = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/;

/**
 * Every ```ts/```typescript block of `markdown`; a `nocheck` block without a reason throws.
 *
 * @example
 * codeBlocks('```ts run\nconsole.log(1);\n```\n') // [{ line: 2, code: 'console.log(1);\n', mode: 'run', reason: '' }]
 * @param {string} markdown
 * @param {string} [where] the file's name, for the error message
 * @returns {CodeBlock[]}
 */
export function codeBlocks(markdown, where = 'the Markdown file') {
  const lines = markdown.split('\n');
  /** @type {CodeBlock[]} */
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = fence.exec(lines[i]);
    if (!open) continue;
    const [, indent, marks, language, rest] = open;
    let end = i + 1;
    while (
      end < lines.length &&
      !new RegExp(`^\\s*${marks[0]}{${marks.length},}\\s*$`).test(lines[end])
    )
      end++;
    const body = lines
      .slice(i + 1, end)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
    if (language === 'ts' || language === 'typescript') {
      const [flag = '', ...words] = rest.trim().split(/\s+/);
      const mode = flag.replace(/:$/, '');
      if (mode === 'nocheck') {
        const reason = [flag.slice('nocheck'.length).replace(/^:/, ''), ...words].join(' ').trim();
        if (!reason) {
          throw new Error(
            `${where}:${i + 1}: '${lines[i].trim()}' opts out of the type check without a reason. Write it on the fence: \`\`\`ts nocheck: <why this block cannot compile>.`,
          );
        }
        blocks.push({ line: i + 2, code: body.join('\n') + '\n', mode: 'nocheck', reason });
      } else {
        if (mode && mode !== 'run') {
          throw new Error(
            `${where}:${i + 1}: unknown flag '${flag}' on '${lines[i].trim()}'. Use \`\`\`ts, \`\`\`ts run or \`\`\`ts nocheck: <reason>.`,
          );
        }
        blocks.push({
          line: i + 2,
          code: body.join('\n') + '\n',
          mode: mode === 'run' ? 'run' : 'check',
          reason: '',
        });
      }
    }
    i = end;
  }
  return blocks;
}

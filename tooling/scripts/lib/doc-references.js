// @ts-check
/**
 * The repository references a Markdown page makes in backticks — a path (`packages/urls/src/path.ts`)
 * or a function in a file (`` `path()` in `packages/urls/src/path.ts` ``) — and which of them no
 * longer hold, so docs/ cannot drift from the code unseen.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const pathReference = /`((?:packages|apps|tooling)\/[^`\s]*)`/g;
const functionReference =
  /`([A-Za-z_$][\w$.]*)\(\)`\s+in\s+`((?:packages|apps|tooling)\/[^`\s]+)`/g;

/**
 * The names a source file declares: functions, variables, classes, methods and properties.
 * @param {string} file
 */
function declaredNames(file) {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const names = new Set();
  /** @param {ts.Node} node */
  const visit = (node) => {
    const name = /** @type {{ name?: ts.Node }} */ (node).name;
    if (
      name &&
      (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) &&
      (ts.isFunctionDeclaration(node) ||
        ts.isVariableDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isMethodSignature(node) ||
        ts.isPropertyDeclaration(node) ||
        ts.isPropertySignature(node) ||
        ts.isPropertyAssignment(node) ||
        ts.isGetAccessor(node))
    ) {
      names.add(name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/**
 * Every broken reference in `markdown`, as `<file>:<line>: …` sentences.
 *
 * @example
 * brokenReferences('See `packages/nope/x.ts`.', 'docs/a.md', root) // ["docs/a.md:1: `packages/nope/x.ts` does not exist …"]
 * @param {string} markdown
 * @param {string} file the page's path, for the messages
 * @param {string} root the repository root paths are relative to
 * @returns {string[]}
 */
export function brokenReferences(markdown, file, root) {
  const problems = [];
  const lines = markdown.split('\n');
  for (const [index, line] of lines.entries()) {
    const where = `${file}:${index + 1}`;
    for (const [, path] of line.matchAll(pathReference)) {
      // A glob or placeholder (`packages/*`, `packages/<name>`) names a pattern, not a file.
      if (/[*<>{}]/.test(path)) continue;
      if (!existsSync(join(root, path.replace(/\/$/, '')))) {
        problems.push(
          `${where}: \`${path}\` does not exist. Fix the path, or the sentence if the file was moved or removed.`,
        );
      }
    }
    for (const [, name, path] of line.matchAll(functionReference)) {
      const target = join(root, path);
      if (!existsSync(target) || statSync(target).isDirectory()) continue;
      const method = name.split('.').pop() ?? name;
      if (!declaredNames(target).has(method)) {
        problems.push(
          `${where}: \`${name}()\` is not defined in \`${path}\`. Name the file that defines it, or the function's new name.`,
        );
      }
    }
  }
  return problems;
}

// @ts-check
/**
 * How a site built from create-reins' template has drifted from it: the files it shares must be
 * the generated project's, byte for byte once both are formatted as the repository formats them;
 * the files it changes must be listed as its own; every generated file must be one or the other,
 * so a file added to the template is classified before the check passes again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {object} DriftOptions
 * @property {string} generated the directory create-reins wrote
 * @property {string[]} written the files it wrote, relative to `generated`
 * @property {string} site the site's directory (apps/tutorial)
 * @property {Readonly<Record<string, string>>} own the site's own versions: file → why it differs
 * @property {string} ownListedIn where the message says `own` is written
 * @property {(file: string, text: string) => string | Promise<string>} [normalize] formatting both sides go through
 * @property {(file: string) => string} describeGenerated how the message names a generated file
 * @property {(file: string) => string} describeSite how the message names a site's file
 */

/**
 * The problems found, one sentence each; empty when the site is in step with the template.
 *
 * @param {DriftOptions} options
 * @returns {Promise<string[]>}
 * @example
 * await templateDrift({ generated, written, site, own: {}, ownListedIn: 'own', describeGenerated: (f) => f, describeSite: (f) => f });
 */
export async function templateDrift(options) {
  const { generated, written, site, own, ownListedIn, describeGenerated, describeSite } = options;
  const normalize = options.normalize ?? ((_file, text) => text);
  /** @type {string[]} */
  const problems = [];
  for (const file of written) {
    if (file in own) continue;
    const template = describeGenerated(file);
    const copy = describeSite(file);
    if (!existsSync(join(site, file))) {
      problems.push(
        `${copy} is missing, yet ${template} writes it. Copy the generated file there, or list '${file}' with the reason in ${ownListedIn}.`,
      );
      continue;
    }
    const expected = await normalize(file, readFileSync(join(generated, file), 'utf8'));
    const actual = await normalize(file, readFileSync(join(site, file), 'utf8'));
    if (expected === actual) continue;
    const line = firstDifferentLine(expected, actual);
    problems.push(
      `${copy} differs from ${template} (as create-reins writes it) from line ${line}. Make the same change in both files, or list '${file}' with the reason in ${ownListedIn}.`,
    );
  }
  for (const file of Object.keys(own)) {
    if (!written.includes(file)) {
      problems.push(
        `'${file}' is listed in ${ownListedIn}, but create-reins no longer writes it. Remove it from the list.`,
      );
    }
  }
  return problems;
}

/**
 * @param {string} a
 * @param {string} b
 */
function firstDifferentLine(a, b) {
  const left = a.split('\n');
  const right = b.split('\n');
  let line = 0;
  while (line < left.length && left[line] === right[line]) line++;
  return line + 1;
}

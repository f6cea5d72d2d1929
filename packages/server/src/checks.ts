/**
 * The system checks (`reins check`, and the dev server at start-up): the URLconf checks of
 * @reins/urls, the template directories, and settings that are valid but probably wrong.
 * {@link formatCheckMessages} prints them the way Django's `manage.py check` does.
 */
import { existsSync, statSync } from 'node:fs';
import type { CheckMessage } from '@reins/core';
import { checkUrlconf } from '@reins/urls';
import type { App } from './create-app.js';

/** One finding of `reins check` (core's `CheckMessage`, the same type `checkUrlconf()` returns). */
export type { CheckMessage };

interface TemplateConfigShape {
  name?: string;
  dirs?: readonly string[];
}

/**
 * Run every check against `app`.
 *
 * @example
 * const problems = runChecks(app);
 */
export function runChecks(app: App): CheckMessage[] {
  const messages: CheckMessage[] = [];
  for (const message of checkUrlconf(app.resolver, { appendSlash: app.settings.appendSlash })) {
    messages.push({ ...message });
  }
  // Django's urls.E007: a custom error handler that cannot be called as Django calls it.
  for (const [key, expected] of [
    ['handler400', 2],
    ['handler403', 2],
    ['handler404', 2],
    ['handler500', 1],
  ] as const) {
    const handler = app.settings[key];
    if (handler !== undefined && handler.length > expected) {
      messages.push({
        id: 'urls.E007',
        level: 'error',
        message: `The custom ${key} view '${handler.name || '(anonymous)'}' does not take the correct number of arguments (${expected === 2 ? 'request, exception' : 'request'}).`,
        pattern: key,
      });
    }
  }
  const templates = app.settings.templates;
  if (Array.isArray(templates)) {
    (templates as readonly TemplateConfigShape[]).forEach((config, index) => {
      for (const dir of config.dirs ?? []) {
        if (!existsSync(dir) || !statSync(dir).isDirectory()) {
          messages.push({
            id: 'server.W001',
            level: 'warning',
            message: `Template directory '${dir}' (templates[${index}].dirs) does not exist.`,
            hint: 'Create it, or remove it from dirs; paths are relative to the working directory.',
            pattern: `templates[${index}]`,
          });
        }
      }
    });
  }
  // Django's staticfiles checks (E001–E003, W004) and reins' missing-staticRoot warning.
  for (const message of app.settings.staticfiles?.check() ?? []) {
    messages.push({ ...message, pattern: message.pattern ?? 'staticfiles' });
  }
  if (!app.settings.debug && app.settings.allowedHosts.length === 0) {
    messages.push({
      id: 'server.W002',
      level: 'warning',
      message:
        "'allowedHosts' is empty and 'debug' is off: every request will be refused with a 400.",
      hint: "List the host names this site serves, e.g. allowedHosts: ['example.com'].",
      pattern: 'allowedHosts',
    });
  }
  if (app.settings.debug && app.settings.allowedHosts.includes('*')) {
    messages.push({
      id: 'server.W003',
      level: 'warning',
      message: "'allowedHosts' contains '*' while 'debug' is on.",
      hint: 'Fine on a development machine; never deploy with debug on.',
      pattern: 'allowedHosts',
    });
  }
  return messages;
}

/**
 * Format check messages as `manage.py check` does, ending with the
 * "System check identified …" summary line.
 *
 * @example
 * console.log(formatCheckMessages([])); // 'System check identified no issues (0 silenced).'
 */
export function formatCheckMessages(messages: readonly CheckMessage[]): string {
  if (messages.length === 0) return 'System check identified no issues (0 silenced).';
  const lines: string[] = ['System check identified some issues:'];
  const groups: ['error' | 'warning', string][] = [
    ['error', 'ERRORS:'],
    ['warning', 'WARNINGS:'],
  ];
  for (const [level, title] of groups) {
    const group = messages.filter((message) => message.level === level);
    if (group.length === 0) continue;
    lines.push('', title);
    for (const message of group) {
      lines.push(
        `${message.pattern === undefined ? '?' : message.pattern}: (${message.id}) ${message.message}`,
      );
      if (message.hint !== undefined) lines.push(`\tHINT: ${message.hint}`);
    }
  }
  const count = messages.length;
  lines.push('', `System check identified ${count} issue${count === 1 ? '' : 's'} (0 silenced).`);
  return lines.join('\n');
}

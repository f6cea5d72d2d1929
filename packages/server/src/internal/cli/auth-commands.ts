/**
 * `reins createsuperuser` and `reins changepassword` (Django's commands). The work lives in
 * @reins/auth, which leaves it in a process-wide registry when the app builds its
 * AuthenticationMiddleware; the server does not import the auth package, so a site without it
 * pays nothing for the commands.
 */
import { createInterface } from 'node:readline';
import { importApp, locateApp } from './load-app.js';
import type { CommandIo } from './commands.js';
import { processIo } from './commands.js';

/** The terminal side of a command: lines out, questions in (passwords without echo). */
export interface PromptIo extends CommandIo {
  prompt(question: string, hidden: boolean): Promise<string | null>;
  close?(): void;
}

interface AuthRegistry {
  createsuperuser(
    options: { username?: string; email?: string; noinput?: boolean },
    io: PromptIo,
  ): Promise<number>;
  changepassword(options: { username?: string }, io: PromptIo): Promise<number>;
}

/** Standard input and output; one readline for the whole command, so piped answers are all read. */
function terminalIo(): PromptIo {
  const readline = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  const lines: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let closed = false;
  readline.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  readline.on('close', () => {
    closed = true;
    for (const next of waiting.splice(0)) next(null);
  });
  const muted = readline as unknown as { _writeToOutput: (text: string) => void };
  const write = muted._writeToOutput.bind(readline);
  return {
    ...processIo,
    prompt(question, hidden) {
      process.stdout.write(question);
      // Typed characters are not echoed for a password, as getpass does.
      muted._writeToOutput = hidden ? () => {} : write;
      const answer = (value: string | null): string | null => {
        muted._writeToOutput = write;
        if (hidden) process.stdout.write('\n');
        return value;
      };
      if (lines.length > 0) return Promise.resolve(answer(lines.shift()!));
      if (closed) return Promise.resolve(answer(null));
      return new Promise((resolve) => waiting.push((line) => resolve(answer(line))));
    },
    close: () => readline.close(),
  };
}

async function registry(app: string | undefined, io: CommandIo): Promise<AuthRegistry | undefined> {
  await importApp(await locateApp(app));
  const found = (globalThis as Record<symbol, AuthRegistry | undefined>)[
    Symbol.for('reins.auth.registry')
  ];
  if (found === undefined) {
    io.err(
      'CommandError: the app does not use @reins/auth. Add AuthenticationMiddleware (with authenticationBackends: [new ModelBackend({ db })]) to its middleware.',
    );
  }
  return found;
}

async function run(
  app: string | undefined,
  io: PromptIo | undefined,
  command: (auth: AuthRegistry, terminal: PromptIo) => Promise<number>,
): Promise<number> {
  const auth = await registry(app, io ?? processIo);
  if (auth === undefined) return 1;
  const terminal = io ?? terminalIo();
  try {
    return await command(auth, terminal);
  } finally {
    terminal.close?.();
  }
}

/** `reins createsuperuser [--username] [--email] [--noinput]`. */
export function createsuperuser(
  options: { app?: string; username?: string; email?: string; noinput?: boolean },
  io?: PromptIo,
): Promise<number> {
  return run(options.app, io, (auth, terminal) => auth.createsuperuser(options, terminal));
}

/** `reins changepassword [username]`. */
export function changepassword(
  options: { app?: string; username?: string },
  io?: PromptIo,
): Promise<number> {
  return run(options.app, io, (auth, terminal) => auth.changepassword(options, terminal));
}

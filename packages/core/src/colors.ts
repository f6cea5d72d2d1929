/**
 * Whether terminal output may carry ANSI colours. The conventions every Node CLI follows:
 * `FORCE_COLOR` decides when set (`0`/`false` off, anything else on — Node's own
 * `tty.WriteStream#getColorDepth` and supports-color rank it above `NO_COLOR`); otherwise a
 * non-empty `NO_COLOR` turns colour off (no-color.org: "when present and not an empty string");
 * otherwise colour only on a TTY whose `TERM` is not `dumb`.
 */

/** The part of a stream colour depends on: `process.stderr` and `process.stdout` fit. */
export interface ColorStream {
  readonly isTTY?: boolean;
}

/** Environment variables as `process.env` holds them. */
export type ColorEnv = Readonly<Record<string, string | undefined>>;

/**
 * Whether to colour what is written to `stream`, by `FORCE_COLOR`, `NO_COLOR`, the TTY and `TERM`.
 *
 * @example
 * const colour = shouldColor(process.stderr, process.env);
 * process.stderr.write(colour ? '\u001b[32mOK\u001b[0m\n' : 'OK\n');
 */
export function shouldColor(stream: ColorStream, env: ColorEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** 70 is sysexits' EX_SOFTWARE: a bug in the tool, not a problem with the input or the command line. */
export const EXIT = { ok: 0, inputErrors: 1, usage: 2, internal: 70 } as const;

/** An expected failure with the exit code it maps to; printed as its message, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Every exit code the tool uses, in one place. 64-78 are from sysexits.h, which schedulers and
 * shells know: 70 EX_SOFTWARE (a bug in the tool), 74 EX_IOERR (the file system failed: a full
 * disk, a read-only file system, a device error, no permission), 75 EX_TEMPFAIL (try again later).
 */
export const EXIT = { ok: 0, inputErrors: 1, usage: 2, internal: 70, io: 74, locked: 75 } as const;

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

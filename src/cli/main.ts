import { TemplateError } from '../render/templates.ts';
import { parseCommand, USAGE } from './args.ts';
import { runBuild } from './build.ts';
import { CliError, EXIT } from './errors.ts';
import { emitter } from './events.ts';
import type { Io } from './io.ts';
import { runValidate } from './validate.ts';
import { runWatch } from './watch.ts';

/** Runs one command line and returns its exit code; expected failures never escape as stack traces. */
export async function main(
  argv: readonly string[],
  io: Io,
  signal: AbortSignal = new AbortController().signal,
): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.command) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return EXIT.ok;
      case 'build':
        return await runBuild(command, emitter(io, command.json));
      case 'watch':
        return await runWatch(command, io, emitter(io, command.json), signal);
      case 'validate':
        return runValidate(command, io);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`error: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof TemplateError) {
      io.stderr(`${error.message}\nnothing was written.\n`);
      return error.exitCode;
    }
    // Anything else is a bug. The output folder is untouched (publishing is the last step), and
    // the reader gets one line, not a stack trace; DEBUG=1 shows the trace for whoever fixes it.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(
      `internal error: ${message}\nThis is a bug in regional-benchmarks, not in your input; nothing was written. Run with DEBUG=1 for details and report it.\n`,
    );
    if (process.env.DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT.internal;
  }
}

import { CliError, EXIT, systemError } from '../build/errors.ts';
import { type Emit, FINAL_EVENTS } from '../build/events.ts';
import { TemplateError } from '../render/templates.ts';
import { parseCommand, USAGE } from './args.ts';
import { emitter } from './events.ts';
import type { Io } from './io.ts';

/**
 * Runs one command line and returns its exit code; expected failures never escape as stack traces.
 * With --json, every build ends with exactly one final event on stdout (`published`, `up-to-date`
 * or `failed`, each with its `exit`), whatever stopped it: a usage error, a held lock, a template
 * error, an interruption or a bug. A watch ends with `stopped` or `failed`.
 */
export async function main(
  argv: readonly string[],
  io: Io,
  signal: AbortSignal = new AbortController().signal,
): Promise<number> {
  const run: RunState = { finished: false, error: undefined, out: null };
  const code = await runCommand(argv, io, signal, run);
  // Before the options are read, --json anywhere after the command asks for JSON.
  if (argv.slice(1).includes('--json') && !run.finished && run.error !== undefined) {
    emitter(
      io,
      true,
    )({
      event: 'failed',
      exit: code,
      out: run.out,
      message: failureMessage(run.error, code),
      errors: 0,
      warnings: 0,
      notes: 0,
    });
  }
  return code;
}

interface RunState {
  /** A final event has been printed. */
  finished: boolean;
  /** What ended the run early, if anything did. */
  error: unknown;
  /** --out, once the command line has been read. */
  out: string | null;
}

/** The first paragraph of what was printed for a failure: without the usage text, one line. */
function failureMessage(error: unknown, code: number): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n\n')[0] ?? '';
  return code === EXIT.internal ? `internal error: ${message}` : message;
}

async function runCommand(
  argv: readonly string[],
  io: Io,
  signal: AbortSignal,
  run: RunState,
): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.command) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return EXIT.ok;
      case 'version': {
        const { TOOL } = await import('../build/build.ts');
        io.stdout(`${TOOL.version}\n`);
        return EXIT.ok;
      }
      case 'build': {
        run.out = command.out;
        const emit = emitter(io, command.json);
        const tracked: Emit = (e) => {
          if (FINAL_EVENTS.has(e.event)) run.finished = true;
          emit(e);
        };
        const { runBuild } = await import('./build.ts');
        return await runBuild({ ...command, signal }, tracked);
      }
      case 'watch': {
        run.out = command.out;
        const emit = emitter(io, command.json);
        const { runWatch } = await import('./watch.ts');
        const code = await runWatch(command, io, emit, signal);
        emit({ event: 'stopped', exit: code });
        return code;
      }
      case 'extract': {
        const { runExtract } = await import('./extract.ts');
        return await runExtract(command, io);
      }
      case 'validate': {
        const { runValidate } = await import('./validate.ts');
        return await runValidate(command, io);
      }
    }
  } catch (thrown) {
    // A full disk, a read-only file system, no permission: the environment's failure, not a bug.
    const error = systemError(thrown) ?? thrown;
    run.error = error;
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

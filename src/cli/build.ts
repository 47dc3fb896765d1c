import {
  build,
  CliError,
  type Emit,
  EXIT,
  FINAL_EVENTS,
  type Format,
  fileSystemEffects,
  systemError,
} from '../build/index.ts';
import { TemplateError } from '../render/templates.ts';

/** A build as the command line states it: the places it reads and writes, and the user's choices. */
export interface BuildCommand {
  input: string;
  /** --reference FILE; null or absent: the input folder's national-figures.json, else the project's. */
  reference?: string | null;
  out: string;
  templates: string | null;
  formats: ReadonlySet<Format>;
  regions: ReadonlySet<string> | null;
  force: boolean;
  /** --keep-going: documents with errors are left out and the others published (exit still 1). */
  keepGoing?: boolean;
  /** Aborted on SIGTERM or SIGINT, its reason the signal's name: the build stops before publishing. */
  signal?: AbortSignal;
}

/**
 * Runs the build engine over the file system. It always ends with one final event: an error that
 * stops the build (a held lock, a template, the file system, a stop signal, a bug) gets a `failed`
 * event with its exit code and message, then is thrown on for the caller to print; so a watch's
 * rebuilds end with an event too.
 */
export async function runBuild(
  command: BuildCommand,
  emit: Emit,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let finished = false;
  const tracked: Emit = (e) => {
    if (FINAL_EVENTS.has(e.event)) finished = true;
    emit(e);
  };
  try {
    return await build(
      {
        out: command.out,
        formats: command.formats,
        regions: command.regions,
        force: command.force,
        keepGoing: command.keepGoing ?? false,
        epoch: env.SOURCE_DATE_EPOCH,
      },
      fileSystemEffects(command, tracked, command.signal),
    );
  } catch (thrown) {
    if (!finished) {
      const error = systemError(thrown) ?? thrown;
      const known = error instanceof CliError || error instanceof TemplateError;
      const message = error instanceof Error ? error.message : String(error);
      emit({
        event: 'failed',
        exit: known ? error.exitCode : EXIT.internal,
        out: command.out,
        message: known ? message : `internal error: ${message}`,
        errors: 0,
        warnings: 0,
        notes: 0,
        thrown: true,
      });
    }
    throw thrown;
  }
}

import { escapeFields } from '../format/terminal.ts';
import { type Diagnostic, formatDiagnostic } from '../model/index.ts';
import type { Io } from './io.ts';

/** What a build or watch reports as it goes: printed for people, or one JSON line each with --json. */
export type BuildEvent =
  | ({ event: 'diagnostic' } & Diagnostic)
  | { event: 'document'; file: string; region: string; edition: number }
  | { event: 'reference'; file: string; origin: 'option' | 'input' | 'project'; version: string | null }
  | { event: 'chart'; id: string; status: 'rendered' | 'reused' }
  | { event: 'report'; path: string; status: 'rendered' | 'reused' | 'kept' }
  | {
      event: 'published';
      exit: 0;
      out: string;
      plans: number;
      files: number;
      rendered: string[];
      reused: number;
      kept: number;
      errors: number;
      warnings: number;
      notes: number;
    }
  | { event: 'up-to-date'; exit: 0; out: string; plans: number }
  | {
      event: 'failed';
      /** The exit code the run ends with. */
      exit: number;
      /** Null when the command line could not be read that far. */
      out: string | null;
      message: string;
      errors: number;
      warnings: number;
      notes: number;
      /** The run was ended by an error its caller prints; on a terminal it is not printed twice. */
      thrown?: true;
    }
  | { event: 'watching'; input: string; out: string }
  | { event: 'changed'; files: string[] }
  | { event: 'stopped'; exit: number };

/** The events one of which ends every build (and, for watch, every build it runs). */
export const FINAL_EVENTS: ReadonlySet<BuildEvent['event']> = new Set(['published', 'up-to-date', 'failed']);

export type Emit = (event: BuildEvent) => void;

const REFERENCE_ORIGIN = {
  option: 'given with --reference',
  input: "the input folder's",
  project: "the project's own",
} as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const tally = (e: { errors: number; warnings: number; notes: number }) =>
  `${plural(e.errors, 'error')}, ${plural(e.warnings, 'warning')}, ${plural(e.notes, 'note')}`;

/**
 * How events reach the user. --json: one line of JSON per event on stdout, for schedulers and
 * log collectors. Otherwise diagnostics go to stderr as file:line lines, a result line to stdout,
 * and progress (per document and per report) to stderr only when it is a terminal.
 */
export function emitter(io: Io, json: boolean): Emit {
  if (json) return (e) => io.stdout(`${JSON.stringify(e)}\n`);
  return (raw) => {
    // File names and quoted text, with their control characters escaped: one line per event.
    const e = escapeFields(raw);
    switch (e.event) {
      case 'diagnostic': {
        const { event: _, ...d } = e;
        io.stderr(`${formatDiagnostic(d)}\n`);
        return;
      }
      case 'document':
        if (io.tty) io.stderr(`read ${e.file}: ${e.region} ${e.edition}\n`);
        return;
      case 'reference':
        if (io.tty)
          io.stderr(
            `national reference: ${e.file} (${REFERENCE_ORIGIN[e.origin]}${e.version ? `, version ${e.version}` : ''})\n`,
          );
        return;
      case 'report':
        if (io.tty) io.stderr(`${e.status} ${e.path}\n`);
        return;
      case 'chart':
        return;
      case 'published':
        io.stdout(
          `Read ${plural(e.plans, 'plan update')} (${tally(e)}); rendered ${e.rendered.length} ${e.rendered.length === 1 ? 'file' : 'files'}, reused ${e.reused}${e.kept ? `, kept ${e.kept} from the previous build` : ''}; wrote ${plural(e.files, 'file')} to ${e.out}.\n`,
        );
        if (e.rendered.length > 0 && e.rendered.length <= 40)
          io.stdout(`Rendered: ${e.rendered.join(', ')}\n`);
        return;
      case 'up-to-date':
        io.stdout(
          `Nothing changed since the last build of ${plural(e.plans, 'plan update')}; ${e.out} is up to date.\n`,
        );
        return;
      case 'failed':
        if (!e.thrown) io.stderr(`${e.message}\n`);
        return;
      case 'stopped':
        return;
      case 'watching':
        io.stdout(
          `Watching ${e.input} for added, changed and removed documents; building into ${e.out}. Stop with Ctrl-C.\n`,
        );
        return;
      case 'changed':
        io.stdout(`Changed: ${e.files.join(', ')}\n`);
        return;
    }
  };
}

export function diagnosticEvents(diagnostics: readonly Diagnostic[], emit: Emit): void {
  for (const d of diagnostics) emit({ event: 'diagnostic', ...d });
}

export function tallyOf(diagnostics: readonly Diagnostic[]) {
  const count = (level: Diagnostic['level']) => diagnostics.filter((d) => d.level === level).length;
  return { errors: count('error'), warnings: count('warning'), notes: count('info') };
}

import type { Emit } from '../build/events.ts';
import { counted } from '../format/index.ts';
import { escapeFields } from '../format/terminal.ts';
import { formatDiagnostic } from '../model/index.ts';
import type { Io } from './io.ts';

const REFERENCE_ORIGIN = {
  option: 'given with --reference',
  input: "the input folder's",
  project: "the project's own",
} as const;

const tally = (e: { errors: number; warnings: number; notes: number }) =>
  `${counted(e.errors, 'error')}, ${counted(e.warnings, 'warning')}, ${counted(e.notes, 'note')}`;

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
          `Read ${counted(e.plans, 'plan update')} (${tally(e)}); rendered ${e.rendered.length} ${e.rendered.length === 1 ? 'file' : 'files'}, reused ${e.reused}${e.kept ? `, kept ${e.kept} from the previous build` : ''}; wrote ${counted(e.files, 'file')} to ${e.out}.\n`,
        );
        if (e.rendered.length > 0 && e.rendered.length <= 40)
          io.stdout(`Rendered: ${e.rendered.join(', ')}\n`);
        if (e.left_out)
          io.stdout(
            `Left out (--keep-going), with errors: ${e.left_out.map((l) => l.file).join(', ')}; the reports name them. Exit ${e.exit}.\n`,
          );
        return;
      case 'up-to-date':
        io.stdout(
          `Nothing changed since the last build of ${counted(e.plans, 'plan update')}; ${e.out} is up to date.\n`,
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

import { parseArgs } from 'node:util';
import { CliError } from '../build/errors.ts';
import { REGION_IDS } from '../model/index.ts';

export const USAGE = `Usage: regional-benchmarks <command> [options]

Commands:
  build      read every plan update and publish the data, charts and reports
  validate   read every plan update and print its diagnostics
  watch      build, then build again whenever a document is added, changed or removed
  extract    extract FILE: print the text read from one plan update (.pdf or .txt) as
             validate and build parse it, each line with where it stands (page and line)

Options:
  --input DIR       folder of plan updates (default: seeds)
  --reference FILE  national figures (default: national-figures.json in the input folder,
                    else the project's seeds/national-figures.json)
  --out DIR         output folder (default: out)
  --format LIST     html, pdf or html,pdf (default: html,pdf)
  --templates DIR   a copy of templates/ to reword the reports
  --region ID       build only this region's pack and the national summary (repeatable)
  --force           render everything, reusing nothing from the previous build
  --keep-going      leave out documents with errors and publish the others (build, watch);
                    validate names what would be left out. The exit code is still 1
  --json            one JSON line per event (build, watch) or diagnostics as JSON (validate)
  -h, --help        show this help
  -V, --version     print the version and exit

Exit codes: 0 done, 1 input errors (also when --keep-going left documents out), 2 usage, 70 internal error, 74 the file system failed,
75 another build holds the lock, 130/143 stopped by SIGINT/SIGTERM before publishing.`;

export interface BuildArgs {
  input: string;
  /** --reference FILE; null: the input folder's national-figures.json, else the project's. */
  reference: string | null;
  out: string;
  templates: string | null;
  formats: Set<'html' | 'pdf'>;
  regions: Set<string> | null;
  force: boolean;
  /** --keep-going: documents with errors are left out and the others published (exit still 1). */
  keepGoing: boolean;
  json: boolean;
}

export type Command =
  | ({ command: 'build' } & BuildArgs)
  | ({ command: 'watch' } & BuildArgs)
  | { command: 'validate'; input: string; reference: string | null; json: boolean; keepGoing: boolean }
  | { command: 'extract'; file: string }
  | { command: 'help' }
  | { command: 'version' };

export function parseCommand(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help')
    return { command: 'help' };
  if (command === '--version' || command === '-V') return { command: 'version' };
  if (command === 'extract') return parseExtract(rest);
  let values: {
    input?: string | undefined;
    reference?: string | undefined;
    out?: string | undefined;
    json?: boolean | undefined;
    help?: boolean | undefined;
    version?: boolean | undefined;
    format?: string | undefined;
    templates?: string | undefined;
    region?: string[] | undefined;
    force?: boolean | undefined;
    'keep-going'?: boolean | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        input: { type: 'string' },
        reference: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'string' },
        templates: { type: 'string' },
        region: { type: 'string', multiple: true },
        force: { type: 'boolean' },
        'keep-going': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const input = values.input ?? 'seeds';
  const reference = values.reference ?? null;
  switch (command) {
    case 'build':
    case 'watch': {
      const regions = values.region ? new Set(values.region) : null;
      for (const id of regions ?? []) {
        if (!(REGION_IDS as readonly string[]).includes(id)) {
          throw new CliError(`--region expects one of ${REGION_IDS.join(', ')}; found "${id}"\n\n${USAGE}`);
        }
      }
      return {
        command,
        input,
        reference,
        out: values.out ?? 'out',
        templates: values.templates ?? null,
        formats: parseFormats(values.format),
        regions,
        force: values.force ?? false,
        keepGoing: values['keep-going'] ?? false,
        json: values.json ?? false,
      };
    }
    case 'validate':
      for (const flag of ['out', 'format', 'templates', 'region', 'force'] as const) {
        if (values[flag] !== undefined)
          throw new CliError(`--${flag} applies to build and watch only\n\n${USAGE}`);
      }
      return {
        command: 'validate',
        input,
        reference,
        json: values.json ?? false,
        keepGoing: values['keep-going'] ?? false,
      };
    default:
      throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

/** `extract FILE`: one file, named as given; no other option applies. */
function parseExtract(args: readonly string[]): Command {
  let parsed: ReturnType<
    typeof parseArgs<{ options: { help: { type: 'boolean'; short: 'h' } }; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (parsed.values.help) return { command: 'help' };
  const [file, ...more] = parsed.positionals;
  if (file === undefined || more.length > 0)
    throw new CliError(
      `extract expects one file (a plan update, .pdf or .txt); found ${file === undefined ? 'none' : `${parsed.positionals.length}`}\n\n${USAGE}`,
    );
  return { command: 'extract', file };
}

function parseFormats(text: string | undefined): Set<'html' | 'pdf'> {
  const parts = (text ?? 'html,pdf')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const bad = parts.filter((p) => p !== 'html' && p !== 'pdf');
  if (bad.length > 0 || parts.length === 0) {
    throw new CliError(`--format expects html, pdf or html,pdf; found "${text}"\n\n${USAGE}`);
  }
  return new Set(parts as Array<'html' | 'pdf'>);
}

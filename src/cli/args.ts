import { parseArgs } from 'node:util';
import { CliError } from './errors.ts';

export const USAGE = `Usage: regional-benchmarks <command> [options]

Commands:
  build      read every plan update and publish the data files
  validate   read every plan update and print its diagnostics

Options:
  --input DIR       folder of plan updates and national-figures.json (default: seeds)
  --out DIR         output folder for build (default: out)
  --format LIST     build: html, pdf or html,pdf (default: html,pdf)
  --templates DIR   build: a copy of templates/ to reword the reports
  --json            validate: print diagnostics as JSON
  -h, --help        show this help

Exit codes: 0 done, 1 input errors, 2 usage.`;

export type Command =
  | { command: 'build'; input: string; out: string; templates: string | null; formats: Set<'html' | 'pdf'> }
  | { command: 'validate'; input: string; json: boolean }
  | { command: 'help' };

export function parseCommand(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help')
    return { command: 'help' };
  let values: {
    input?: string | undefined;
    out?: string | undefined;
    json?: boolean | undefined;
    help?: boolean | undefined;
    format?: string | undefined;
    templates?: string | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        input: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'string' },
        templates: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return { command: 'help' };
  const input = values.input ?? 'seeds';
  switch (command) {
    case 'build':
      if (values.json) throw new CliError(`--json applies to validate only\n\n${USAGE}`);
      return {
        command: 'build',
        input,
        out: values.out ?? 'out',
        templates: values.templates ?? null,
        formats: parseFormats(values.format),
      };
    case 'validate':
      for (const flag of ['out', 'format', 'templates'] as const) {
        if (values[flag] !== undefined) throw new CliError(`--${flag} applies to build only\n\n${USAGE}`);
      }
      return { command: 'validate', input, json: values.json ?? false };
    default:
      throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
  }
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

import { parseArgs } from 'node:util';
import { CliError } from './errors.ts';

export const USAGE = `Usage: regional-benchmarks <command> [options]

Commands:
  build      read every plan update and publish the data files
  validate   read every plan update and print its diagnostics

Options:
  --input DIR   folder of plan updates (default: seeds)
  --out DIR     output folder for build (default: out)
  --json        validate: print diagnostics as JSON
  -h, --help    show this help

Exit codes: 0 done, 1 input errors, 2 usage.`;

export type Command =
  | { command: 'build'; input: string; out: string }
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
  };
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        input: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
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
      return { command: 'build', input, out: values.out ?? 'out' };
    case 'validate':
      if (values.out !== undefined) throw new CliError(`--out applies to build only\n\n${USAGE}`);
      return { command: 'validate', input, json: values.json ?? false };
    default:
      throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

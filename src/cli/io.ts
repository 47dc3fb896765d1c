import { terminalSafe } from '../format/terminal.ts';

/** The side effects a command may have besides files, passed in so tests can capture them. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal a person is watching: progress lines are shown then. */
  tty: boolean;
}

/**
 * The real terminal. Whatever a message quotes, its control characters are escaped here, the one
 * place every line passes (JSON lines too: an escaped character is the same character to JSON).
 */
export const processIo: Io = {
  stdout: (text) => process.stdout.write(terminalSafe(text)),
  stderr: (text) => process.stderr.write(terminalSafe(text)),
  tty: Boolean(process.stderr.isTTY),
};

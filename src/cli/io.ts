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
  stdout: (text) => write(process.stdout, text),
  stderr: (text) => write(process.stderr, text),
  tty: Boolean(process.stderr.isTTY),
};

// A reader that stops reading (`build --json | head -1`) closes the pipe: that is the reader's
// choice, not a failure of the build, which goes on and publishes; what it would have printed
// there is dropped instead of ending the process with a stack trace.
const watched = new WeakSet<NodeJS.WriteStream>();
const closed = new WeakSet<NodeJS.WriteStream>();
function write(stream: NodeJS.WriteStream, text: string): void {
  if (closed.has(stream)) return;
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      closed.add(stream);
    });
  }
  stream.write(terminalSafe(text));
}

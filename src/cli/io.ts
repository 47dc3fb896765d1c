/** The side effects a command may have besides files, passed in so tests can capture them. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal a person is watching: progress lines are shown then. */
  tty: boolean;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  tty: Boolean(process.stderr.isTTY),
};

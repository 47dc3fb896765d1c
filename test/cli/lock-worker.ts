/**
 * A contender for the build lock, in its own process, driven over IPC by lock.test.ts. Told a
 * moment to start, it tries to take the lock then (so several contenders race for it at once),
 * reports whether it holds it, and holds it until told to release it.
 */
import { acquireLock } from '../../src/build/lock.ts';

type Command = { kind: 'try'; out: string; at: number } | { kind: 'release' } | { kind: 'exit' };

let release: (() => void) | null = null;
const send = (message: object) => process.send?.(message);

process.on('message', (command: Command) => {
  if (command.kind === 'exit') process.exit(0);
  if (command.kind === 'release') {
    release?.();
    release = null;
    send({ kind: 'released' });
    return;
  }
  // Busy-wait to the shared instant: a timer would spread the contenders over milliseconds.
  while (Date.now() < command.at) {}
  try {
    release = acquireLock(command.out);
    send({ kind: 'result', held: true, pid: process.pid });
  } catch (error) {
    const { message, exitCode } = error as { message: string; exitCode?: number };
    send({ kind: 'result', held: false, pid: process.pid, exitCode, message });
  }
});
send({ kind: 'ready' });

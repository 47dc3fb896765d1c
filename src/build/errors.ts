/**
 * Every exit code the tool uses, in one place. 64-78 are from sysexits.h, which schedulers and
 * shells know: 70 EX_SOFTWARE (a bug in the tool), 74 EX_IOERR (the file system failed: a full
 * disk, a read-only file system, a device error, no permission), 75 EX_TEMPFAIL (try again later).
 */
export const EXIT = { ok: 0, inputErrors: 1, usage: 2, internal: 70, io: 74, locked: 75 } as const;

/** A build stopped by a signal exits 128 + the signal's number, as a shell reports one it ended. */
export const EXIT_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof EXIT_SIGNAL;

/** An expected failure with the exit code it maps to; printed as its message, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** What each failure of the file system means, and what to do about it. */
const SYSTEM_ERRORS: Record<string, { found: string; fix: string; exit?: number }> = {
  EACCES: {
    found: 'permission denied',
    fix: 'Give the user running the build access to it (its owner and mode), or choose other folders.',
  },
  EPERM: {
    found: 'the operation is not permitted',
    fix: 'Give the user running the build access to it (its owner, mode and attributes), or choose other folders.',
  },
  EIO: {
    found: 'the device reported an input/output error',
    fix: 'Check the disk or network share it is on (the system log says more), copy the file somewhere sound if need be, and run again.',
  },
  ENOSPC: {
    found: 'no space left on the device',
    fix: 'Free space on the file system that holds it (or choose an --out elsewhere) and run again.',
  },
  EDQUOT: {
    found: 'the disk quota is used up',
    fix: 'Free space within your quota (or choose an --out elsewhere) and run again.',
  },
  EROFS: {
    found: 'the file system is read-only',
    fix: 'Choose an --out on a writable file system (the lock and staging folder are made beside it), or remount it read-write.',
  },
  EBUSY: {
    found: 'it is busy, or a mount point, which cannot be replaced',
    fix: 'If it is a mount point, give a folder inside it as --out; otherwise close what holds it and run again.',
  },
  EMFILE: {
    found: 'this process has too many files open',
    fix: 'Raise the limit on open files (ulimit -n) and run again.',
  },
  ENFILE: {
    found: 'the system has too many files open',
    fix: 'Close other programs, or raise the system limit on open files, and run again.',
  },
  ENOENT: {
    found: 'it does not exist (or is a symbolic link that leads nowhere)',
    fix: 'Check the path; a link must lead to a file that exists. If something else removed it during the run, run again.',
  },
  ENOTDIR: {
    found: 'part of the path is a file, not a folder',
    fix: 'Check the path, and give folders where folders are expected.',
    exit: EXIT.usage,
  },
  EISDIR: {
    found: 'it is a folder where a file was expected',
    fix: 'Check the path, and give a file where a file is expected.',
    exit: EXIT.usage,
  },
  ELOOP: {
    found: 'symbolic links on the path lead round in a loop',
    fix: 'Fix or remove the link.',
    exit: EXIT.usage,
  },
  ENAMETOOLONG: { found: 'the path is too long', fix: 'Use a shorter path.', exit: EXIT.usage },
  EXDEV: {
    found: 'it is on another file system',
    fix: 'Keep --out and the folder it is in on one file system.',
  },
  ESTALE: {
    found: 'the network file system no longer knows it',
    fix: 'Check the network share, and run again.',
  },
  ETIMEDOUT: {
    found: 'the file system stopped answering',
    fix: 'Check the network share, and run again.',
  },
  ENOTEMPTY: {
    found: 'a folder that should be empty is not',
    fix: 'Something else is writing beside --out; stop it and run again.',
  },
};

const ACTION: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  close: 'finish writing',
  fsync: 'finish writing',
  mkdir: 'create the folder',
  rename: 'move',
  link: 'create',
  unlink: 'remove',
  rmdir: 'remove',
  rm: 'remove',
  scandir: 'list',
  opendir: 'list',
  stat: 'look at',
  lstat: 'look at',
  realpath: 'follow',
  readlink: 'follow',
  watch: 'watch',
  copyfile: 'copy',
};

/**
 * A failure of the file system or the operating system (a full disk, no permission, a device
 * error) as the CliError it maps to: the environment's fault, not a bug, told as what was tried,
 * what happened and what to do, with exit 74 (EX_IOERR), or 2 when the path given has the wrong
 * shape (a file where a folder belongs). Null for anything else. The one place these are mapped.
 */
export function systemError(error: unknown): CliError | null {
  if (!(error instanceof Error)) return null;
  const { code, syscall, path, dest } = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code)) return null;
  // fs.watch reports the kernel's limit on watched folders (inotify) as ENOSPC.
  const known =
    code === 'ENOSPC' && syscall === 'watch'
      ? {
          found: "the system's limit on watched folders is reached (not a full disk)",
          fix: 'Raise it (sysctl fs.inotify.max_user_watches), or stop other programs that watch files, and run again.',
          exit: undefined,
        }
      : SYSTEM_ERRORS[code];
  const action = (syscall && ACTION[syscall]) ?? syscall ?? 'use';
  const what = path ? `${action} ${path}${dest ? ` to ${dest}` : ''}` : `${action} a file`;
  const found = known?.found ?? `the system said: ${error.message}`;
  const fix = known?.fix ?? 'Check the file system and run again.';
  return new CliError(
    `expected to ${what}; found ${found} (${code}). ${fix} Nothing was written: any earlier output is as it was.`,
    known?.exit ?? EXIT.io,
  );
}

import type { FSWatcher } from 'node:fs';
import { readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError, EXIT, systemError } from '../../src/build/errors.ts';
import { acquireLock, lockHolder, lockPath } from '../../src/build/lock.ts';
import { publish } from '../../src/build/publish.ts';
import { main } from '../../src/cli/index.ts';
import { digest, run, seedsCopy, tempDir } from '../helpers/cli.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';

/**
 * Failures a test cannot cause for real (a full disk, a device error, a read-only file system,
 * a busy mount point, a permission root does not lack) are injected into node:fs: a fault makes
 * the named function throw the error Node would, for the paths it matches.
 */
interface Fault {
  fn: string;
  when: (path: string) => boolean;
  code: string;
  /** Throw this instead of an errno error: a bug, not the environment. */
  bug?: boolean;
  /** Let this many matching calls through first. */
  after?: number;
  hits: number;
}
const injected = vi.hoisted(() => ({ faults: [] as Fault[], watchers: [] as FSWatcher[] }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const syscalls: Record<string, string> = {
    readFileSync: 'open',
    openSync: 'open',
    readSync: 'read',
    writeFileSync: 'open',
    mkdirSync: 'mkdir',
    renameSync: 'rename',
    linkSync: 'link',
    readdirSync: 'scandir',
    statSync: 'stat',
  };
  const wrapped: Record<string, unknown> = {};
  for (const [name, syscall] of Object.entries(syscalls)) {
    const real = (fs as unknown as Record<string, (...args: unknown[]) => unknown>)[name] as (
      ...args: unknown[]
    ) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      const path = String(args[0]);
      const fault = injected.faults.find((f) => f.fn === name && f.when(path));
      if (fault && fault.hits++ >= (fault.after ?? 0)) {
        if (fault.bug) throw new TypeError('simulated bug: cannot read properties of undefined');
        throw Object.assign(new Error(`${fault.code}: simulated, ${syscall} '${path}'`), {
          code: fault.code,
          errno: -1,
          syscall,
          // A read on an open descriptor carries no path, as the real one does not.
          ...(syscall === 'read' ? {} : { path }),
        });
      }
      return real(...args);
    };
  }
  wrapped.watch = (...args: unknown[]) => {
    const watcher = (fs.watch as (...a: unknown[]) => FSWatcher)(...args);
    injected.watchers.push(watcher);
    return watcher;
  };
  const mocked = { ...fs, ...wrapped };
  return { ...mocked, default: mocked };
});

const fault = (fn: string, code: string, when: (path: string) => boolean, extra: Partial<Fault> = {}) =>
  injected.faults.push({ fn, code, when, hits: 0, ...extra });
afterEach(() => {
  injected.faults.length = 0;
});

const html = ['--format', 'html'];
const noBug = (stderr: string) => {
  expect(stderr).not.toContain('This is a bug');
  expect(stderr).not.toMatch(/\n\s+at /);
};
const leftBeside = (out: string) =>
  readdirSync(dirname(out)).filter((n) => n.includes('.staging-') || n.includes('.old-'));

/** An earlier build, with one output removed so that the next run renders little and publishes. */
let earlier: { input: string; out: string } | null = null;
async function earlierBuild(): Promise<{ input: string; out: string; before: Map<string, string> }> {
  if (!earlier) {
    const input = seedsCopy();
    const out = join(tempDir(), 'out');
    const first = await run('build', '--input', input, '--out', out, ...html);
    if (first.code !== 0) throw new Error(`the earlier build failed: ${first.stderr}`);
    earlier = { input, out };
  }
  rmSync(join(earlier.out, 'data', 'targets.csv'), { force: true });
  return { ...earlier, before: digest(earlier.out) };
}

describe('the environment failing', { timeout: 240_000 }, () => {
  it('maps every errno to a message and an exit code in one place', () => {
    const error = (code: string, syscall: string, path: string) =>
      Object.assign(new Error(`${code}: x`), { code, syscall, path });
    const cases: Array<[string, number, string]> = [
      ['ENOSPC', EXIT.io, 'no space left on the device'],
      ['EROFS', EXIT.io, 'read-only'],
      ['EIO', EXIT.io, 'input/output error'],
      ['EBUSY', EXIT.io, 'mount point'],
      ['EACCES', EXIT.io, 'permission denied'],
      ['EPERM', EXIT.io, 'not permitted'],
      ['EMFILE', EXIT.io, 'ulimit -n'],
      ['ENOENT', EXIT.io, 'does not exist'],
      ['ENOTDIR', EXIT.usage, 'is a file, not a folder'],
      ['EISDIR', EXIT.usage, 'is a folder where a file was expected'],
      ['EWHATEVER', EXIT.io, 'the system said'],
    ];
    for (const [code, exit, words] of cases) {
      const mapped = systemError(error(code, 'open', '/srv/x.txt'));
      expect(mapped, code).toBeInstanceOf(CliError);
      expect(mapped?.exitCode, code).toBe(exit);
      expect(mapped?.message).toMatch(/^expected to open \/srv\/x\.txt; found .+\. [A-Z].+\.$/);
      expect(mapped?.message).toContain(words);
      expect(mapped?.message).toContain(`(${code})`);
    }
    expect(systemError(error('ENOSPC', 'watch', '/srv/in'))?.message).toContain(
      "the system's limit on watched folders is reached (not a full disk) (ENOSPC)",
    );
    expect(systemError(new TypeError('x'))).toBeNull();
    expect(systemError('ENOSPC')).toBeNull();
    expect(EXIT).toEqual({ ok: 0, inputErrors: 1, usage: 2, internal: 70, io: 74, locked: 75 });
  });

  it('a full disk (ENOSPC) while publishing: exit 74, what to do, the earlier build as it was, nothing half-written', async () => {
    const { input, out, before } = await earlierBuild();
    fault('writeFileSync', 'ENOSPC', (p) => p.includes('.out.staging-'), { after: 3 });
    const result = await run('build', '--input', input, '--out', out, ...html);
    expect(result.code).toBe(74);
    expect(result.stderr).toContain('no space left on the device (ENOSPC). Free space on the file system');
    expect(result.stderr).toContain('.out.staging-');
    noBug(result.stderr);
    expect(digest(out)).toEqual(before);
    expect(leftBeside(out)).toEqual([]);
    expect(lockHolder(out)).toBeNull();
  });

  it('a swap that fails (EBUSY) at either rename puts the earlier build back', async () => {
    for (const which of [0, 1]) {
      const { input, out, before } = await earlierBuild();
      // The first rename moves out/ aside, the second moves the new build in.
      fault('renameSync', 'EBUSY', (p) => (which === 0 ? p === out : p.includes('.out.staging-')));
      const result = await run('build', '--input', input, '--out', out, ...html);
      expect(result.code).toBe(74);
      expect(result.stderr).toContain('(EBUSY)');
      expect(result.stderr).toContain('give a folder inside it as --out');
      noBug(result.stderr);
      expect(digest(out)).toEqual(before);
      expect(leftBeside(out)).toEqual([]);
      injected.faults.length = 0;
    }
  });

  it('publish() itself leaves the previous folder when the second rename fails', () => {
    const out = join(tempDir(), 'out');
    publish(out, new Map([['a.txt', 'first']]));
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({
        format: 1,
        tool: { name: 'regional-benchmarks', version: '0' },
        fingerprint: '',
        inputs: [],
        templates_sha256: '',
        outputs: [{ path: 'a.txt', sha256: '', bytes: 5, key: '', built_from: [] }],
        targets: {},
        counts: { documents: 0, plans: 0, targets: 0, charts: 0, reports: 0 },
        changes: {
          documents: { added: [], changed: [], removed: [] },
          targets: { added: [], changed: [], removed: [] },
        },
      }),
    );
    const before = digest(out);
    fault('renameSync', 'EIO', (p) => p.includes('.out.staging-'));
    expect(() => publish(out, new Map([['a.txt', 'second']]))).toThrow(/EIO/);
    expect(digest(out)).toEqual(before);
    expect(leftBeside(out)).toEqual([]);
  });

  it('a file system without hard links still lets one run at a time hold the lock', () => {
    fault('linkSync', 'EPERM', () => true);
    const out = join(tempDir(), 'out');
    const release = acquireLock(out);
    expect(lockHolder(out)).toMatchObject({ pid: process.pid });
    expect(() => acquireLock(out)).toThrow(`another build (process ${process.pid} on `);
    release();
    expect(lockHolder(out)).toBeNull();
    // A newest generation still empty is a run between creating and writing it: held, not stale.
    writeFileSync(join(lockPath(out), '99'), '');
    expect(() => acquireLock(out)).toThrow('another build (process not yet known on this machine)');
  });

  it.each([
    ['EROFS', 'the file system is read-only (EROFS). Choose an --out on a writable file system'],
    ['EACCES', 'permission denied (EACCES)'],
  ])('%s where the lock is made: exit 74 before anything is read', async (code, words) => {
    const out = join(tempDir(), 'out');
    fault('mkdirSync', code, (p) => p.endsWith('.out.lock'));
    const result = await run('build', '--input', SEEDS_DIR, '--out', out, '--json');
    expect(result.code).toBe(74);
    expect(result.stderr).toContain(words);
    expect(result.stdout).not.toContain('"event":"document"');
    noBug(result.stderr);
  });

  it('a device error (EIO) while reading an opened document still names the file', async () => {
    const input = seedsCopy();
    fault('readSync', 'EIO', () => true);
    const out = join(tempDir(), 'out');
    const result = await run('build', '--input', input, '--out', out, ...html);
    expect(result.code).toBe(74);
    expect(result.stderr).toMatch(/read \S+\/(east-of-england-2023\.txt|national-figures\.json)/);
    expect(result.stderr).toContain('input/output error (EIO)');
    noBug(result.stderr);
  });

  it('a device error (EIO) reading a document: exit 74 naming the file', async () => {
    const input = seedsCopy();
    fault('openSync', 'EIO', (p) => p.endsWith('south-west-2023.txt'));
    fault('readFileSync', 'EIO', (p) => p.endsWith('south-west-2023.txt'));
    const out = join(tempDir(), 'out');
    const result = await run('build', '--input', input, '--out', out, ...html);
    expect(result.code).toBe(74);
    expect(result.stderr).toContain('south-west-2023.txt');
    expect(result.stderr).toContain('input/output error (EIO)');
    expect(result.stderr).toContain('Check the disk');
    noBug(result.stderr);
    expect(readdirSync(dirname(out)).filter((n) => n === 'out')).toEqual([]);
  });

  it('a dangling link among the documents is not a bug', async () => {
    const input = seedsCopy();
    symlinkSync(join(input, 'no-such-file.txt'), join(input, 'gone.txt'));
    const result = await run('validate', '--input', input);
    expect(result.code).not.toBe(EXIT.internal);
    expect(result.stderr).toContain('gone.txt');
    noBug(result.stderr);
  });

  it('a reference nested 100,000 deep is an input error at its line, not a stack overflow', async () => {
    const input = seedsCopy();
    const depth = 100_000;
    writeFileSync(
      join(input, 'national-figures.json'),
      `{\n"version": "x",\n"figures": ${'['.repeat(depth)}${']'.repeat(depth)}\n}\n`,
    );
    const result = await run('validate', '--input', input);
    expect(result.code).toBe(EXIT.inputErrors);
    expect(result.stderr).toMatch(/^national-figures\.json:\d+: error: /m);
    noBug(result.stderr);
  });
});

describe('watch when the environment fails', { timeout: 240_000 }, () => {
  it('on a missing input folder exits 2, as build does', async () => {
    const missing = join(tempDir(), 'nope');
    for (const command of ['build', 'watch']) {
      const result = await run(command, '--input', missing, '--out', join(tempDir(), 'out'));
      expect(result.code, command).toBe(2);
      expect(result.stderr).toContain(`input folder "${missing}" cannot be read`);
      noBug(result.stderr);
    }
  });

  it('refuses an --out that is not ours at once, with exit 2', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'thesis.tex'), 'mine');
    const result = await run('watch', '--input', SEEDS_DIR, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refusing to replace');
  });

  it('goes on through an I/O failure and a bug in a build, one failed event each, and stops with 74 when the folder fails', async () => {
    const input = seedsCopy();
    const out = join(tempDir(), 'out');
    let stdout = '';
    let stderr = '';
    const stop = new AbortController();
    injected.watchers.length = 0;
    fault('openSync', 'EIO', (p) => p.endsWith('north-east-2023.txt'));
    fault('readFileSync', 'EIO', (p) => p.endsWith('north-east-2023.txt'));
    const watching = main(
      ['watch', '--input', input, '--out', out, ...html, '--json'],
      { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), tty: false },
      stop.signal,
    );
    const events = () =>
      stdout
        .trim()
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as { event: string; exit?: number; message?: string });
    const failures = () => events().filter((e) => e.event === 'failed');
    const until = async (test: () => boolean, what: string) => {
      const deadline = Date.now() + 60_000;
      while (!test()) {
        if (Date.now() > deadline)
          throw new Error(`waited for ${what}; stdout: ${stdout}; stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await until(() => failures().length === 1, 'the first build to fail on EIO');
      expect(failures()[0]).toMatchObject({ exit: 74, message: expect.stringContaining('(EIO)') });
      // Still watching: a change starts another build, which meets a bug this time.
      injected.faults.length = 0;
      fault('openSync', '', (p) => p.endsWith('north-east-2023.txt'), { bug: true });
      fault('readFileSync', '', (p) => p.endsWith('north-east-2023.txt'), { bug: true });
      writeFileSync(join(input, 'notes.md'), 'x');
      await until(() => failures().length === 2, 'a build to meet the bug');
      expect(failures()[1]).toMatchObject({
        exit: 70,
        message: expect.stringContaining('internal error: simulated bug'),
      });
      expect(stderr).toContain('watching goes on');
      // The folder itself fails under the watcher: watch says so and ends with 74.
      const watcher = injected.watchers.at(-1);
      watcher?.emit(
        'error',
        Object.assign(new Error('EIO: simulated, watch'), { code: 'EIO', syscall: 'watch', path: input }),
      );
      expect(await watching).toBe(74);
      expect(stderr).toContain(`stopped watching: expected to go on watching ${input}; found`);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      stop.abort();
      await watching.catch(() => undefined);
    }
    // One failed event per build, none twice.
    expect(events().filter((e) => e.event === 'changed')).toHaveLength(1);
    expect(events()[0]).toMatchObject({ event: 'watching' });
  });
});

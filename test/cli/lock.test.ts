import { type ChildProcess, fork } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../src/build/lock.ts';
import { tempDir } from '../helpers/cli.ts';

type Reply =
  | { kind: 'ready' }
  | { kind: 'released' }
  | { kind: 'result'; held: boolean; pid: number; exitCode?: number; message?: string };

/** A lock contender in its own process (test/cli/lock-worker.ts), answering over IPC. */
class Contender {
  readonly child: ChildProcess;
  private readonly replies: Reply[] = [];
  private waiting: ((reply: Reply) => void) | null = null;

  constructor() {
    this.child = fork(join(import.meta.dirname, 'lock-worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (reply: Reply) => {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(reply);
      } else this.replies.push(reply);
    });
  }

  next(): Promise<Reply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  async ask(command: object): Promise<Reply> {
    this.child.send(command);
    return this.next();
  }
}

const contenders: Contender[] = [];
afterAll(() => {
  for (const c of contenders) c.child.kill('SIGKILL');
});

describe('the build lock', { timeout: 180_000 }, () => {
  it('a dead holder’s lock is taken over by exactly one of several runs starting at once', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    // The dead holder: a run that took the lock and was killed, leaving the lock as it was.
    const victim = new Contender();
    await victim.next();
    expect(await victim.ask({ kind: 'try', out, at: 0 })).toMatchObject({ held: true });
    victim.child.kill('SIGKILL');
    await new Promise((resolve) => victim.child.once('exit', resolve));
    const stale = join(dir, 'stale-lock');
    cpSync(lockPath(out), stale, { recursive: true });

    for (let n = 0; n < 6; n++) contenders.push(new Contender());
    await Promise.all(contenders.map((c) => c.next()));

    const problems: string[] = [];
    for (let trial = 0; trial < 25; trial++) {
      rmSync(lockPath(out), { recursive: true, force: true });
      cpSync(stale, lockPath(out), { recursive: true });
      const at = Date.now() + 150;
      const results = await Promise.all(contenders.map((c) => c.ask({ kind: 'try', out, at })));
      const holders = results.filter((r) => r.kind === 'result' && r.held);
      if (holders.length !== 1) problems.push(`trial ${trial}: ${holders.length} held the lock at once`);
      const holder = holders[0]?.kind === 'result' ? holders[0].pid : -1;
      for (const r of results) {
        if (r.kind !== 'result' || r.held) continue;
        // Everyone else is told to try again later, and who holds the lock.
        if (r.exitCode !== 75 || !r.message?.includes(`another build (process ${holder} on `))
          problems.push(`trial ${trial}: refused with ${r.exitCode}: ${r.message}`);
      }
      await Promise.all(
        contenders
          .filter((_, i) => (results[i] as { held: boolean }).held)
          .map((c) => c.ask({ kind: 'release' })),
      );
    }
    expect(problems).toEqual([]);
  });

  it('releasing removes only the lock this run holds', async () => {
    const out = join(tempDir(), 'out');
    const [a, b] = [new Contender(), new Contender()];
    contenders.push(a, b);
    await Promise.all([a.next(), b.next()]);
    expect(await a.ask({ kind: 'try', out, at: 0 })).toMatchObject({ held: true });
    // A run killed mid-build is later released by nobody; b takes over only once a is gone.
    expect(await b.ask({ kind: 'try', out, at: 0 })).toMatchObject({ held: false, exitCode: 75 });
    a.child.kill('SIGKILL');
    await new Promise((resolve) => a.child.once('exit', resolve));
    expect(await b.ask({ kind: 'try', out, at: 0 })).toMatchObject({ held: true });
    expect(existsSync(lockPath(out))).toBe(true);
  });
});

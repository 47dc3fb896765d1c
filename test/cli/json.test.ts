import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/build/lock.ts';
import { main } from '../../src/cli/index.ts';
import { startCli } from '../helpers/child.ts';
import { ROOT, run, tempDir } from '../helpers/cli.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';

const FINAL = ['published', 'up-to-date', 'failed'];

/** Every stdout line is one JSON event, and exactly one of them, the last, is final. */
function finalEvent(stdout: string): Record<string, unknown> {
  const lines = stdout.split('\n');
  expect(lines.at(-1)).toBe('');
  const events = lines.slice(0, -1).map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(events.filter((e) => FINAL.includes(String(e.event)))).toHaveLength(1);
  const last = events.at(-1) as Record<string, unknown>;
  expect(FINAL).toContain(last.event);
  return last;
}

describe('--json: every run ends with exactly one final event', { timeout: 120_000 }, () => {
  it.each([
    [['build', '--colour', '--json'], "Unknown option '--colour'", null],
    [['build', '--json', '--region', 'atlantis'], '--region expects one of', null],
    [['build', '--json', '--input', '/nonexistent/regional-benchmarks'], 'input folder', 'out'],
  ])('a usage error %j: failed, exit 2, with the message', async (argv, words, out) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    const last = finalEvent(result.stdout);
    expect(last).toMatchObject({ event: 'failed', exit: 2, out });
    expect(last.message).toContain(words);
    expect(last.message).not.toContain('Usage:');
  });

  it('another build holding the lock: failed, exit 75', async () => {
    const out = join(tempDir(), 'out');
    const release = acquireLock(out);
    try {
      const result = await run('build', '--input', SEEDS_DIR, '--out', out, '--json');
      expect(result.code).toBe(75);
      const last = finalEvent(result.stdout);
      expect(last).toMatchObject({ event: 'failed', exit: 75, out });
      expect(last.message).toContain('another build');
    } finally {
      release();
    }
  });

  it('a template error: failed, exit 1, naming the template', async () => {
    const templates = join(tempDir(), 'templates');
    cpSync(join(ROOT, 'templates'), templates, { recursive: true });
    writeFileSync(join(templates, 'text', 'finding-range.hbs'), 'Baselines for {{nosuch}}.');
    const out = join(tempDir(), 'out');
    const result = await run(
      'build',
      '--input',
      SEEDS_DIR,
      '--out',
      out,
      '--templates',
      templates,
      '--format',
      'html',
      '--json',
    );
    expect(result.code).toBe(1);
    const last = finalEvent(result.stdout);
    expect(last).toMatchObject({ event: 'failed', exit: 1 });
    expect(last.message).toContain('template text/finding-range cannot be rendered');
    expect(existsSync(out)).toBe(false);
  });

  it('a build and a rebuild: published then up-to-date, each with exit 0', async () => {
    const out = join(tempDir(), 'out');
    const first = await run('build', '--input', SEEDS_DIR, '--out', out, '--format', 'html', '--json');
    expect(first.code).toBe(0);
    expect(finalEvent(first.stdout)).toMatchObject({ event: 'published', exit: 0, out });
    const second = await run('build', '--input', SEEDS_DIR, '--out', out, '--format', 'html', '--json');
    expect(finalEvent(second.stdout)).toMatchObject({ event: 'up-to-date', exit: 0, out });
  });

  it('input errors: failed, exit 1, with the tally', async () => {
    const input = join(tempDir(), 'in');
    cpSync(SEEDS_DIR, input, { recursive: true });
    writeFileSync(join(input, 'empty.txt'), '');
    const result = await run('build', '--input', input, '--out', join(tempDir(), 'out'), '--json');
    expect(result.code).toBe(1);
    expect(finalEvent(result.stdout)).toMatchObject({ event: 'failed', exit: 1, errors: 1 });
  });
});

describe('--json in validate', () => {
  it('prints one line: the validated event, with its exit code and the diagnostics', async () => {
    const ok = await run('validate', '--input', SEEDS_DIR, '--json');
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n')).toHaveLength(2);
    expect(JSON.parse(ok.stdout)).toMatchObject({ event: 'validated', exit: 0, documents: 4, plans: 4 });

    const input = join(tempDir(), 'in');
    cpSync(SEEDS_DIR, input, { recursive: true });
    writeFileSync(join(input, 'empty.txt'), '');
    const bad = await run('validate', '--input', input, '--json');
    expect(bad.code).toBe(1);
    expect(bad.stdout.split('\n')).toHaveLength(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ event: 'validated', exit: 1 });

    const missing = await run('validate', '--input', join(input, 'nope'), '--json');
    expect(missing.code).toBe(2);
    expect(finalEvent(missing.stdout)).toMatchObject({ event: 'failed', exit: 2 });
  });
});

describe('--json in watch', { timeout: 120_000 }, () => {
  it('a rebuild that cannot take the lock ends with a failed event (exit 75); stopping ends with stopped', async () => {
    const out = join(tempDir(), 'out');
    const release = acquireLock(out);
    const stop = new AbortController();
    let stdout = '';
    const events = () =>
      stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    try {
      const watching = main(
        ['watch', '--input', SEEDS_DIR, '--out', out, '--json'],
        {
          stdout: (t) => (stdout += t),
          stderr: () => {},
          tty: false,
        },
        stop.signal,
      );
      for (let i = 0; i < 200 && !events().some((e) => e.event === 'failed'); i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      stop.abort();
      expect(await watching).toBe(0);
    } finally {
      release();
    }
    const seen = events();
    expect(seen.find((e) => e.event === 'failed')).toMatchObject({ exit: 75, out });
    expect(String(seen.find((e) => e.event === 'failed')?.message)).toContain('another build');
    expect(seen.at(-1)).toEqual({ event: 'stopped', exit: 0 });
  });
});

describe('SIGTERM to the documented command', { timeout: 240_000 }, () => {
  it('stops the build before it publishes: exit 143, a final failed event, nothing written, the lock free', async () => {
    const out = join(tempDir(), 'out');
    // The documented command: node --import tsx src/cli.ts build ... --json, one process.
    const build = startCli('build', '--input', SEEDS_DIR, '--out', out);
    await build.until((e) => e.event === 'report');
    build.child.kill('SIGTERM');
    // Exits on its own with 143 (128 + 15) rather than being ended by the signal: it handled it.
    expect(await build.done).toBe(143);
    expect(build.events.at(-1)).toMatchObject({ event: 'failed', exit: 143, out });
    expect(String(build.events.at(-1)?.message)).toContain('stopped by SIGTERM before publishing');
    expect(build.events.some((e) => e.event === 'published')).toBe(false);
    expect(existsSync(out)).toBe(false);
    // No staging folder left beside it, and the next run takes the lock at once.
    expect(readdirSync(dirname(out)).filter((n) => n.includes('staging'))).toEqual([]);
    const next = await run('build', '--input', SEEDS_DIR, '--out', out, '--format', 'html');
    expect(next.code).toBe(0);
  });

  it('npm run --silent reports: stdout is only JSON lines, and SIGTERM to npm stops the build', async () => {
    const out = join(tempDir(), 'out');
    const child = spawn(
      'npm',
      ['run', '--silent', 'reports', '--', '--input', SEEDS_DIR, '--out', out, '--json'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    const done = new Promise<number | string>((resolve) =>
      child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no report event in 180 s; stdout: ${stdout}`)),
        180_000,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.includes('"event":"report"')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGTERM');
    expect(await done).toBe(143);
    // No "> regional-benchmarks@0.2.0 reports" banner: every line is an event.
    expect(finalEvent(stdout)).toMatchObject({ event: 'failed', exit: 143 });
    expect(existsSync(out)).toBe(false);
  });
});

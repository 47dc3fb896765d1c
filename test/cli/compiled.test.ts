import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/args.ts';
import { ROOT, run } from '../helpers/cli.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('--version', () => {
  it.each([['--version'], ['-V'], ['build', '--version'], ['validate', '-V']])(
    '%s prints the version from package.json and exits 0',
    async (...argv) => {
      const result = await run(...argv);
      expect(result).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    },
  );

  it('is in the usage text', () => {
    expect(USAGE).toMatch(/^ {2}-V, --version +print the version and exit$/m);
  });
});

// The installed command runs the compiled JavaScript in dist/ (`npm ci` runs `prepare`, which
// compiles it); the other tests run the sources through tsx. Without dist/ there is nothing to run.
const ENTRY = join(ROOT, 'dist', 'cli.js');
const missing = !existsSync(ENTRY);

describe.skipIf(missing)(
  missing
    ? 'the compiled command (skipped: dist/cli.js is missing; `npm ci` or `npm run prepare` compiles it)'
    : 'the compiled command, node dist/cli.js',
  () => {
    const compiled = (...argv: string[]) => {
      const result = spawnSync(process.execPath, [ENTRY, ...argv], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };

    it('prints the version', () => {
      expect(compiled('--version')).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    });

    it('validates the seeds: exit 0, one validated event, no errors', () => {
      const result = compiled('validate', '--input', SEEDS_DIR, '--json');
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const lines = result.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const event = JSON.parse(lines[0] ?? '') as { diagnostics: Array<{ level: string }> };
      expect(event).toMatchObject({ event: 'validated', exit: 0, documents: 4, plans: 4 });
      expect(event.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    });
  },
);

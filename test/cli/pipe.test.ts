import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';

describe('a reader that closes the pipe', () => {
  it('does not stop the build or print a stack trace: `build --json | head -c 1`', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const script = [
      `node --import tsx src/cli.ts build --input ${SEEDS_DIR} --out ${out} --format html --json 2>${dir}/err | head -c 1 >/dev/null`,
      `echo "\${PIPESTATUS[0]}" > ${dir}/code`,
    ].join('; ');
    spawnSync('bash', ['-c', script], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    const stderr = readFileSync(join(dir, 'err'), 'utf8');
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(readFileSync(join(dir, 'code'), 'utf8').trim()).toBe('0');
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  }, 240_000);
});

import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run, tempDir } from '../helpers/cli.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';

// A bug anywhere in the pipeline: the run must still end with one final JSON event.
vi.mock('../../src/build/pipeline.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/build/pipeline.ts')>()),
  runPipeline: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'edition')");
  },
}));

describe('an internal error', () => {
  it('ends with one failed event, exit 70, saying it is a bug', async () => {
    const out = join(tempDir(), 'out');
    const result = await run('build', '--input', SEEDS_DIR, '--out', out, '--json');
    expect(result.code).toBe(70);
    const lines = result.stdout.trimEnd().split('\n');
    const last = JSON.parse(lines.at(-1) as string);
    expect(last).toEqual({
      event: 'failed',
      exit: 70,
      out,
      message: "internal error: Cannot read properties of undefined (reading 'edition')",
      errors: 0,
      warnings: 0,
      notes: 0,
      thrown: true,
    });
    expect(lines.map((l) => JSON.parse(l).event).filter((e) => e === 'failed')).toHaveLength(1);
    expect(result.stderr).toContain('This is a bug in regional-benchmarks');
  });

  it('on a terminal, says so once', async () => {
    const out = join(tempDir(), 'out');
    const result = await run('build', '--input', SEEDS_DIR, '--out', out);
    expect(result.code).toBe(70);
    expect(result.stderr.match(/internal error/g)).toHaveLength(1);
  });
});

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUILD_V8_FLAGS, tuneV8ForBuild } from '../../src/cli/tuning.ts';

describe('V8 settings for a build', () => {
  it('sets the interrupt budget and the heap growth, nothing else', () => {
    const set: string[] = [];
    tuneV8ForBuild((flag) => set.push(flag));
    expect(set).toEqual(['--interrupt-budget=300000', '--heap-growing-percent=100']);
  });

  it('are flags this Node knows: a later Node that dropped one would fail here, not slow down unseen', () => {
    // Set at run time an unknown flag is ignored in silence; on the command line it is an error.
    const run = spawnSync(process.execPath, [...BUILD_V8_FLAGS, '-e', '0'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const bad = spawnSync(process.execPath, ['--interrupt-budget-nonsense=1', '-e', '0'], {
      encoding: 'utf8',
    });
    expect(bad.status).not.toBe(0);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { main } from '../src/cli/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One whole build of seeds/ (HTML and PDF) that every test reading its reports shares. */
    seedsBuild: string;
  }
}

const SEEDS = join(import.meta.dirname, '..', 'seeds');

/**
 * Builds seeds/ once for the whole run: the reports, browser, lint and data tests read the same
 * files rather than each building them again. A test that needs a build of its own still makes one.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'rb-seeds-'));
  const out = join(dir, 'out');
  let stderr = '';
  const code = await main(['build', '--input', SEEDS, '--out', out], {
    stdout: () => {},
    stderr: (t) => {
      stderr += t;
    },
    tty: false,
  });
  if (code !== 0) throw new Error(`the shared build of seeds/ failed (${code}): ${stderr}`);
  project.provide('seedsBuild', out);
  return () => rmSync(dir, { recursive: true, force: true });
}

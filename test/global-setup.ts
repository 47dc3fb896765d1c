import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { inputFolder } from './helpers/build.ts';
import { GOLDEN_INPUT, goldenCases } from './helpers/golden.ts';
import { twelveRegionTexts } from './helpers/regions.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One whole build of seeds/ (HTML and PDF) that every test reading its reports shares. */
    seedsBuild: string;
    /** Twelve regions (test/helpers/regions.ts's texts) built as HTML, every report. */
    twelveBuild: string;
    /** The same twelve regions built as PDF for Wales only: the national summary and one pack. */
    twelvePdfBuild: string;
    /** Each golden case other than seeds built as PDF only, by case name. */
    goldenPdfBuilds: Record<string, string>;
  }
}

const ROOT = join(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'seeds');

/** Builds in a child process, one after the other; resolves once all are done. */
function buildElsewhere(builds: string[][]): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test', 'setup-builds.ts'), JSON.stringify(builds)],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the shared builds failed (${code}): ${stderr}`)),
    );
  });
}

/**
 * Builds once for the whole run what several test files read, in two child processes at once (a
 * build in vitest's own process took half as long again): seeds/, twelve regions and the golden
 * cases' PDFs. A test that needs a build of its own still makes one.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'rb-shared-'));
  const twelveInput = inputFolder(join(dir, 'twelve-in'), twelveRegionTexts());
  const seeds = join(dir, 'seeds');
  const twelve = join(dir, 'twelve');
  const twelvePdf = join(dir, 'twelve-pdf');
  const golden = Object.fromEntries(
    goldenCases()
      .filter((name) => name !== 'seeds')
      .map((name) => [name, join(dir, `golden-${name}`)]),
  );
  const goldenBuilds = Object.entries(golden).map(([name, out]) => [
    'build',
    '--input',
    join(GOLDEN_INPUT, name),
    '--out',
    out,
    '--format',
    'pdf',
  ]);
  // Two lanes of about the same length: seeds/ and most golden cases; twelve regions and the rest.
  const lanes = [
    [['build', '--input', SEEDS, '--out', seeds], ...goldenBuilds.slice(0, -1)],
    [
      ['build', '--input', twelveInput, '--out', twelve, '--format', 'html'],
      ['build', '--input', twelveInput, '--out', twelvePdf, '--format', 'pdf', '--region', 'wales'],
      ...goldenBuilds.slice(-1),
    ],
  ];
  // Both are waited for before anything is thrown, so that no child outlives a failed setup.
  const failed = (await Promise.allSettled(lanes.map(buildElsewhere))).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  project.provide('seedsBuild', seeds);
  project.provide('twelveBuild', twelve);
  project.provide('twelvePdfBuild', twelvePdf);
  project.provide('goldenPdfBuilds', golden);
  return () => rmSync(dir, { recursive: true, force: true });
}

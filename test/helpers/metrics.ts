import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, readReference } from '../../src/ingest/index.ts';
import { computeBenchmarks } from '../../src/metrics/index.ts';
import type { BenchmarkRow, NationalReference, Plan } from '../../src/model/index.ts';
import { SEED_FILES, SEEDS_DIR, seedText } from './seeds.ts';

export function reference(): NationalReference {
  const result = readReference(
    'national-figures.json',
    readFileSync(join(SEEDS_DIR, 'national-figures.json'), 'utf8'),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.reference;
}

/** Plans from named texts, failing on any error so a test never benchmarks a half-read run. */
export function plansFrom(texts: Record<string, string>): Plan[] {
  const result = ingest(
    Object.entries(texts).map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })),
  );
  const errors = result.diagnostics.filter((d) => d.level === 'error');
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return result.plans;
}

export function seedTexts(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SEED_FILES).map(([region, file]) => [file, seedText(region as keyof typeof SEED_FILES)]),
  );
}

export function benchmarksOf(texts: Record<string, string>) {
  return computeBenchmarks(plansFrom(texts), reference());
}

export function rowOf(
  rows: readonly BenchmarkRow[],
  region: string,
  measure: string,
  edition = 2023,
): BenchmarkRow {
  const found = rows.filter((r) => r.region_id === region && r.measure === measure && r.edition === edition);
  if (found.length !== 1)
    throw new Error(`expected one row for ${region} ${measure} ${edition}; found ${found.length}`);
  return found[0] as BenchmarkRow;
}

/**
 * North East's update a year on, written for the tests: baselines move to March 2024 with chosen
 * outturns, targets to April 2025. `outturns` maps each 2023 baseline phrase to its 2024 value.
 */
export function northEastLater(year: number, outturns: Record<string, number>): string {
  let text = seedText('north-east')
    .replace(/March 2023/g, `March ${year}`)
    .replace(/April 2024/g, `April ${year + 1}`);
  for (const [from, to] of Object.entries(outturns)) {
    if (!text.includes(from)) throw new Error(`"${from}" not in the North East text`);
    text = text.replace(from, from.replace(/\d+%/, `${to}%`));
  }
  return text;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, parsePlan } from '../../src/ingest/index.ts';
import type { Plan } from '../../src/model/index.ts';

export const SEEDS_DIR = join(import.meta.dirname, '..', '..', 'seeds');

export const SEED_FILES = {
  'north-east': 'north-east-2023.txt',
  'east-of-england': 'east-of-england-2023.txt',
  'yorkshire-and-the-humber': 'yorkshire-and-the-humber-2023.txt',
  'south-west': 'south-west-2023.txt',
} as const;
export type SeedRegion = keyof typeof SEED_FILES;

export function seedText(region: SeedRegion): string {
  return readFileSync(join(SEEDS_DIR, SEED_FILES[region]), 'utf8');
}

export function parseText(text: string, file = 'doc.txt') {
  return parsePlan(file, new TextEncoder().encode(text));
}

/** Parses a text that must read without errors, and returns its plan. */
export function planOf(text: string, file = 'doc.txt'): Plan {
  const parsed = parseText(text, file);
  const errors = parsed.diagnostics.filter((d) => d.level === 'error');
  if (!parsed.plan || errors.length > 0) throw new Error(`expected a plan; got ${JSON.stringify(errors)}`);
  return parsed.plan;
}

export function seedPlans(): Plan[] {
  const docs = Object.values(SEED_FILES).map((file) => ({
    file,
    bytes: readFileSync(join(SEEDS_DIR, file)),
  }));
  return ingest(docs).plans;
}

/** Replaces exactly one occurrence, failing loudly if the seed text has changed under the test. */
export function replaceOnce(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  if (at === -1 || text.indexOf(find, at + 1) !== -1) throw new Error(`expected exactly one "${find}"`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

export function lineOf(text: string, find: string): number {
  const at = text.indexOf(find);
  if (at === -1) throw new Error(`"${find}" not in text`);
  return text.slice(0, at).split('\n').length;
}

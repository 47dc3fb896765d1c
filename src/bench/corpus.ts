import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGIONS } from '../model/index.ts';

const SEEDS: Record<string, string> = {
  'north-east': 'North East',
  'east-of-england': 'East of England',
  'yorkshire-and-the-humber': 'Yorkshire and The Humber',
  'south-west': 'South West',
};

/**
 * `count` plan updates made from the four real ones: twelve regions (each seed renamed, baselines
 * moved a few points), then later editions of all twelve (dates moved on a year at a time) until
 * there are enough. 120 documents are twelve regions over ten editions.
 */
export function corpus(seedsDir: string, count: number): Map<string, Uint8Array> {
  const texts = Object.fromEntries(
    Object.keys(SEEDS).map((id) => [id, readFileSync(join(seedsDir, `${id}-2023.txt`), 'utf8')]),
  );
  const files = new Map<string, Uint8Array>();
  const bases = Object.keys(SEEDS);
  for (let n = 0; n < count; n++) {
    const region = REGIONS[n % REGIONS.length];
    if (!region) throw new Error('no region');
    const edition = 2023 + Math.floor(n / REGIONS.length);
    const base = bases[n % bases.length] as string;
    const shift = ((n * 7) % 9) - 4;
    let text = (texts[base] as string)
      .replaceAll(SEEDS[base] as string, region.name)
      .replaceAll('Yorkshire & The Humber', region.name);
    text = text.replace(
      /from (\d+)%/g,
      (_, v: string) => `from ${Math.max(1, Math.min(89, Number(v) + shift))}%`,
    );
    const years = edition - 2023;
    text = text
      .replace(/\b(20\d\d)\b/g, (y: string) => String(Number(y) + years))
      .replace(/\b(March|April|July) (2\d)\b/g, (_, m: string, y: string) => `${m} ${Number(y) + years}`);
    files.set(`${region.id}-${edition}.txt`, new TextEncoder().encode(text));
  }
  return files;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { MEASURES } from '../../src/model/index.ts';

// A lint over every sentence of every report built from seeds/: English that reads, and every
// rank printed equal to the one published in benchmarks.csv.

let out = '';
const pages: Record<string, string> = {};
const html: Record<string, string> = {};

/** The text a reader sees: no markup, no chart drawing, entities decoded, one block a line. */
function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<(p|li|h[1-6]|tr|td|th|caption|div|figcaption)[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\n\s*\n+/g, '\n');
}

beforeAll(async () => {
  out = inject('seedsBuild');
  pages.summary = textOf(readFileSync(join(out, 'national', 'summary.html'), 'utf8'));
  for (const id of readdirSync(join(out, 'regions'))) {
    html[id] = readFileSync(join(out, 'regions', id, 'pack.html'), 'utf8');
    pages[id] = textOf(html[id]);
  }
}, 240_000);

const RULES: Array<[string, RegExp]> = [
  ['a repeated word', /\b([A-Za-z]{2,})\s+\1\b/i],
  ['"no of"', /\bno of\b/i],
  ['a range whose ends meet', /\bfrom (\d+(?:\.\d+)?%?) to \1(?![\d.])/],
  ['a rank of one', /\b1(?:st)? of 1\b|\bof the 1 regions?\b/],
  [
    'a singular count with a plural noun',
    /\b(?:1|one) (?:regions|targets|measures|commitments|documents|errors|warnings)\b/i,
  ],
  [
    'a plural count with a singular noun',
    /\b(?:[2-9]|two|three|four|five|six|seven|eight|nine|ten) (?:region|target|measure|document)\b(?!['’])/i,
  ],
  ['a value that did not render', /\bundefined\b|\bNaN\b|\[object |\bnull\b/],
  ['a peer median (a region is not its own peer)', /\bpeer median\b/i],
  ['a rank that reads as national', /\bamong the regions\b(?! in this run)/],
];

describe('every sentence of the reports built from seeds/', () => {
  it('reads as English: none of the known faults', () => {
    const found: string[] = [];
    for (const [page, text] of Object.entries(pages))
      for (const line of text.split('\n'))
        for (const [name, rule] of RULES) if (rule.test(line)) found.push(`${page}: ${name}: ${line.trim()}`);
    expect(found).toEqual([]);
  });

  it('prints every rank as benchmarks.csv publishes it, ties as "joint", nothing where it is empty', () => {
    const rows = parse(readFileSync(join(out, 'data', 'benchmarks.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    let checked = 0;
    for (const r of rows) {
      // The measure's own section of the region's pack.
      const page = html[r.region_id as string] ?? '';
      const at = page.indexOf(`<section aria-labelledby="${r.measure}-heading">`);
      const sectionText = textOf(page.slice(at, page.indexOf('<section', at + 10)));
      const said =
        /(?:is|,) the (joint )?(?:(\d+)(?:st|nd|rd|th) )?(highest|lowest) of the (\d+) regions in this run/.exec(
          sectionText,
        );
      if (r.baseline_rank === '') {
        expect(said, `${r.region_id} ${r.measure}`).toBeNull();
        continue;
      }
      expect(said, `${r.region_id} ${r.measure}: ${sectionText}`).not.toBeNull();
      const [, joint, nth, end, of] = said as RegExpExecArray;
      const rank = Number(r.baseline_rank);
      const ties = Number(r.baseline_rank_ties);
      expect(Number(of)).toBe(Number(r.baseline_rank_of));
      expect(Boolean(joint)).toBe(ties > 1);
      // "2nd highest" counts from the top; "2nd lowest" from the bottom, where the last of the
      // tied places is the one counted (1, 2, 2, 4: the 2s are the 2nd lowest of 4 as well).
      const fromBottom = Number(of) - (rank + ties - 1) + 1;
      if (end === 'highest') expect(Number(nth ?? 1)).toBe(rank);
      else expect(Number(nth ?? 1)).toBe(fromBottom);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('says "highest" in a pack\'s things to know only where benchmarks.csv ranks it first, ties as "joint"', () => {
    const rows = parse(readFileSync(join(out, 'data', 'benchmarks.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    let checked = 0;
    for (const [id, text] of Object.entries(pages)) {
      if (id === 'summary') continue;
      const said = text.matchAll(
        /Of the (\d+) regions in this run with a baseline for [^,]+, [^.]*? starts ((?:(?:joint )?highest on [^()]+ \(\d+(?:\.\d+)?%\)(?:, | and )?)+)\./g,
      );
      for (const [, of, items] of said)
        for (const [, joint, label] of (items as string).matchAll(/(joint )?highest on ([^()]+?) \(/g)) {
          const m = MEASURES.find((x) => x.label.toLowerCase() === (label as string).toLowerCase());
          const r = rows.find((x) => x.region_id === id && x.measure === m?.id);
          expect(r, `${id}: ${label}`).toBeDefined();
          expect(r?.baseline_rank).toBe('1');
          expect(r?.baseline_rank_of).toBe(of);
          expect(Number(r?.baseline_rank_ties) > 1).toBe(Boolean(joint));
          checked++;
        }
    }
    // The seeds have a first place in three regions (South West on two measures).
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('gives each chart axis the unit of its measure, from the measure registry', () => {
    for (const m of MEASURES) {
      const spec = readFileSync(join(out, 'charts', `national-${m.id}.vl.json`), 'utf8');
      expect(spec, m.id).toContain(m.unit);
      for (const other of new Set(MEASURES.map((x) => x.unit)))
        if (other !== m.unit) expect(spec, m.id).not.toContain(other);
    }
  });
});

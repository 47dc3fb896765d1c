import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePractice } from '../../src/practice/index.ts';
import { planOf } from '../helpers/seeds.ts';

// The two-editions golden input: North East 2023 as published and a 2024 fixture written from it.
// Here the 2024 fixture drops one commitment and adds one (a fixture, not a published commitment).
const dir = join(import.meta.dirname, '..', 'input', 'two-editions');
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const DROPPED = "- Increase victims' feedback on policy and services.";
const ADDED = '- Open a women’s centre in each county (fixture).';

function run(later: string) {
  return analysePractice([
    planOf(read('north-east-2023.txt'), 'north-east-2023.txt'),
    planOf(later, 'north-east-2024.txt'),
  ]);
}

describe('commitments across editions', () => {
  it('carries forward what both editions commit to, and says what was dropped and what is new', () => {
    const text = read('north-east-2024.txt');
    expect(text.split(DROPPED)).toHaveLength(2);
    const practice = run(text.replace(DROPPED, ADDED));
    const at = (source: string) => practice.commitments.find((c) => c.source === source);
    expect(at('north-east-2023.txt:182')?.acrossEditions).toBe('dropped');
    expect(at('north-east-2023.txt:182')?.otherEdition).toEqual([]);
    expect(at('north-east-2024.txt:182')).toMatchObject({
      commitment: ADDED.slice(2),
      acrossEditions: 'new',
    });
    expect(at('north-east-2023.txt:76')).toMatchObject({
      acrossEditions: 'carried forward',
      otherEdition: ['north-east-2024.txt:76'],
    });
    expect(at('north-east-2024.txt:76')).toMatchObject({
      acrossEditions: 'carried forward',
      otherEdition: ['north-east-2023.txt:76'],
      status: 'progress reported',
      progress: ['north-east-2024.txt:91'],
    });
  });

  it('carries forward every commitment the later edition repeats word for word', () => {
    const practice = run(read('north-east-2024.txt'));
    expect(practice.commitments).toHaveLength(50);
    expect(new Set(practice.commitments.map((c) => c.acrossEditions))).toEqual(new Set(['carried forward']));
  });

  it('has no national text when each edition has one document', () => {
    const practice = run(read('north-east-2024.txt'));
    expect(practice.passages.filter((p) => p.scope === 'national')).toEqual([]);
    expect(
      practice.achievements.filter((a) => a.value === 650).map((a) => [a.scope, a.regionId, a.edition]),
    ).toEqual([
      ['regional', 'north-east', 2023],
      ['regional', 'north-east', 2024],
    ]);
  });
});

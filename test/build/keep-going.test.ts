import { describe, expect, it } from 'vitest';
import { type BuildEvent, build, EXIT, type Renderers } from '../../src/build/index.ts';
import { measureInSentence } from '../../src/render/view/common.ts';
import type { NationalView, RegionalView } from '../../src/render/view/schema.ts';
import { memoryEffects, standInRenderers, type World, world } from '../helpers/memory-effects.ts';
import { seedTexts } from '../helpers/metrics.ts';
import { lineOf, replaceOnce, SEED_FILES, seedText } from '../helpers/seeds.ts';

// --keep-going and readings.json through the build engine, in memory with stand-in renderers that
// keep every view they are given, so what each report says can be read without rendering it.
// Fixtures: South West's real update with one target sentence reworded by the test so that the
// reader cannot read it; the analyst's reading is a fixture giving the original sentence's figures.

const options = {
  out: 'out',
  formats: new Set(['html', 'pdf'] as const),
  regions: null as ReadonlySet<string> | null,
  force: false,
};

const SW = SEED_FILES['south-west'];
const REWORDED = 'by 3 percentage points from the level in the March 2023 dashboard.';
const BROKEN = replaceOnce(
  seedText('south-west'),
  'by 3 percentage points from 16% in March 2023.',
  REWORDED,
);
const LINE = lineOf(BROKEN, REWORDED);

function recording(): Renderers & { calls: string[]; views: Map<string, NationalView | RegionalView> } {
  const inner = standInRenderers();
  const views = new Map<string, NationalView | RegionalView>();
  return {
    ...inner,
    views,
    html: (view, templates) => {
      views.set(view.path, view);
      return inner.html(view, templates);
    },
    pdf: async (view) => {
      views.set(view.path.replace(/\.html$/, '.pdf'), view);
      return inner.pdf(view);
    },
  };
}

async function run(w: World, extra: Partial<typeof options> & { keepGoing?: boolean } = {}) {
  const effects = memoryEffects(w);
  const renderers = recording();
  const code = await build({ ...options, ...extra }, effects, renderers);
  const final = effects.events.at(-1) as BuildEvent;
  return { code, events: effects.events, final, calls: renderers.calls, views: renderers.views };
}

const text = (w: World, path: string) => {
  const c = w.out?.get(path);
  return c === undefined ? undefined : typeof c === 'string' ? c : new TextDecoder().decode(c);
};
const manifest = (w: World) => JSON.parse(text(w, 'manifest.json') ?? 'null');

describe('--keep-going', () => {
  it('without it, one document with an error publishes nothing (as before)', async () => {
    const w = world({ ...seedTexts(), [SW]: BROKEN });
    const { code, final } = await run(w);
    expect(code).toBe(EXIT.inputErrors);
    expect(final).toMatchObject({ event: 'failed', exit: 1 });
    expect(w.out).toBeNull();
  });

  it('leaves the document with errors out, publishes the others, names it in every report, and exits 1', async () => {
    const w = world(seedTexts());
    await run(w);
    expect(w.out?.has('regions/south-west/pack.html')).toBe(true);
    w.documents.set(SW, BROKEN);

    const { code, final, views } = await run(w, { keepGoing: true });
    expect(code).toBe(EXIT.inputErrors);
    expect(final).toMatchObject({
      event: 'published',
      exit: 1,
      left_out: [{ file: SW, line: LINE, message: expect.stringContaining('expected a baseline') }],
    });
    // The left-out region's old pack and charts are not kept as if they were current.
    expect([...(w.out?.keys() ?? [])].filter((p) => p.includes('south-west'))).toEqual([]);
    expect(text(w, 'data/targets.csv')).not.toContain('south-west');
    expect(JSON.parse(text(w, 'data/diagnostics.json') ?? '{}').diagnostics).toContainEqual(
      expect.objectContaining({ level: 'error', file: SW, line: LINE }),
    );
    expect(manifest(w).left_out).toEqual([{ file: SW, line: LINE, message: expect.any(String) }]);
    expect(manifest(w).outputs.some((o: { path: string }) => o.path.includes('south-west'))).toBe(false);

    // Every report, HTML and PDF alike, says what was left out and why.
    const paths = [
      'national/summary.html',
      'national/summary.pdf',
      'regions/north-east/pack.html',
      'regions/north-east/pack.pdf',
      'regions/east-of-england/pack.html',
      'regions/yorkshire-and-the-humber/pack.pdf',
    ];
    for (const path of paths) {
      const note = views.get(path)?.intro.find((p) => p.includes('left out'));
      expect(note, path).toContain(`${SW} (line ${LINE}: expected a baseline`);
      expect(note, path).toMatch(/^One document was left out of this run because of errors/);
    }
    expect(views.has('regions/south-west/pack.html')).toBe(false);
  });

  it('a build that left documents out is never up to date: the same inputs report the error again', async () => {
    const w = world({ ...seedTexts(), [SW]: BROKEN });
    await run(w, { keepGoing: true });
    const again = await run(w, { keepGoing: true });
    expect(again.code).toBe(EXIT.inputErrors);
    expect(again.final).toMatchObject({ event: 'published', exit: 1 });
    expect(again.events).toContainEqual(
      expect.objectContaining({ event: 'diagnostic', file: SW, line: LINE }),
    );
    // Nothing changed, so nothing is rendered again.
    expect(again.calls).toEqual([]);
  });

  it('once the document is fixed, its pack is back and no report mentions leaving out', async () => {
    const w = world({ ...seedTexts(), [SW]: BROKEN });
    await run(w, { keepGoing: true });
    w.documents.set(SW, seedText('south-west'));
    const { code, final, views } = await run(w, { keepGoing: true });
    expect(code).toBe(EXIT.ok);
    expect(final).toMatchObject({ event: 'published', exit: 0 });
    expect(final).not.toHaveProperty('left_out');
    expect(w.out?.has('regions/south-west/pack.pdf')).toBe(true);
    expect(manifest(w)).not.toHaveProperty('left_out');
    for (const view of views.values()) expect(view.intro.join(' ')).not.toContain('left out');
  });

  it('under --region, a left-out region keeps no pack from the previous build', async () => {
    const w = world(seedTexts());
    await run(w);
    w.documents.set(SW, BROKEN);
    const { code, final } = await run(w, { keepGoing: true, regions: new Set(['north-east']) });
    expect(code).toBe(EXIT.inputErrors);
    expect(final).toMatchObject({ event: 'published', kept: expect.any(Number) });
    expect(w.out?.has('regions/east-of-england/pack.html')).toBe(true);
    expect(w.out?.has('regions/south-west/pack.html')).toBe(false);
  });

  it('an error that belongs to no document still stops the build, and nothing is written', async () => {
    const w = world({ ...seedTexts(), [SW]: BROKEN });
    w.readings = '{ "readings": [ }';
    const { code, final } = await run(w, { keepGoing: true });
    expect(code).toBe(EXIT.inputErrors);
    expect(final).toMatchObject({
      event: 'failed',
      exit: 1,
      message: expect.stringContaining('--keep-going'),
    });
    expect(w.out).toBeNull();
  });

  it('with every document left out there is nothing to publish', async () => {
    const w = world({ [SW]: BROKEN });
    const { code, final } = await run(w, { keepGoing: true });
    expect(code).toBe(EXIT.inputErrors);
    expect(final).toMatchObject({ event: 'failed' });
    expect(w.out).toBeNull();
  });
});

describe('readings.json in a build', () => {
  const entry = {
    file: SW,
    line: LINE,
    sentence: `By April 2024, South West will increase the proportion employed six weeks after release ${REWORDED}`,
    measure: 'employment-6w',
    kind: 'increase',
    baselinePct: 16,
    baselinePeriod: '2023-03',
    changePp: 3,
    targetPct: 19,
    targetMonth: '2024-04',
    who: 'A. Analyst (fixture)',
    why: 'The baseline is named, not stated (fixture).',
  };

  it("publishes the analyst's figures, marked read_by, and every report of that region says so", async () => {
    const w = world({ ...seedTexts(), [SW]: BROKEN });
    w.readings = JSON.stringify({ readings: [entry] }, null, 2);
    const { code, views } = await run(w);
    expect(code).toBe(EXIT.ok);
    const row = text(w, 'data/targets.csv')
      ?.split('\n')
      .find((l) => l.includes(`${SW}:${LINE}`));
    expect(row).toMatch(/,16,2023-03,3,19,2024-04,south-west-2023\.txt:\d+,A\. Analyst \(fixture\)$/);
    expect(manifest(w).inputs.map((i: { path: string }) => i.path)).toContain('readings.json');
    for (const path of ['national/summary.html', 'national/summary.pdf', 'regions/south-west/pack.pdf']) {
      expect(views.get(path)?.intro, path).toContainEqual(
        `The figures of one target were read by an analyst (A. Analyst (fixture)), not by this tool, which could not read its sentence: ${measureInSentence('employment-6w')} in South West's 2023 update (${SW} line ${LINE}). Each is marked as read by hand in targets.csv (read_by) and plans.json (readBy, with why).`,
      );
    }
    // Another region's pack has no figure read by hand, so it says nothing of it.
    expect(views.get('regions/north-east/pack.html')?.intro.join(' ')).not.toContain('read by');
  });

  it('changing readings.json is a change of input: the build runs again', async () => {
    const w = world({ ...seedTexts(), [SW]: BROKEN });
    w.readings = JSON.stringify({ readings: [entry] });
    await run(w);
    w.readings = JSON.stringify({ readings: [{ ...entry, who: 'B. Analyst (fixture)' }] });
    const { final } = await run(w);
    expect(final).toMatchObject({ event: 'published', exit: 0 });
    expect(text(w, 'data/targets.csv')).toContain('B. Analyst (fixture)');
  });

  it('a stale reading is an error at the document: --keep-going leaves that document out', async () => {
    const w = world({ ...seedTexts(), [SW]: BROKEN });
    w.readings = JSON.stringify({ readings: [{ ...entry, line: LINE + 1 }] });
    const { code, final } = await run(w, { keepGoing: true });
    expect(code).toBe(EXIT.inputErrors);
    expect(final).toMatchObject({ event: 'published', left_out: [expect.objectContaining({ file: SW })] });
  });
});

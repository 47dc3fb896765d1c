import { describe, expect, it } from 'vitest';
import { build, EXIT } from '../../src/build/index.ts';
import { memoryEffects, standInRenderers, type World, world } from '../helpers/memory-effects.ts';
import { seedTexts } from '../helpers/metrics.ts';
import { replaceOnce, SEED_FILES, seedText } from '../helpers/seeds.ts';

// The build engine against effects in memory and stand-in renderers: incremental, atomic and
// one-at-a-time behaviour, tested without a disk, a chart or a PDF.

const options = {
  out: 'out',
  formats: new Set(['html', 'pdf'] as const),
  regions: null as ReadonlySet<string> | null,
  force: false,
};

const bytes = (c: string | Uint8Array | undefined) =>
  c === undefined ? undefined : typeof c === 'string' ? c : new TextDecoder().decode(c);

async function run(w: World, extra: Partial<typeof options> = {}) {
  const effects = memoryEffects(w);
  const renderers = standInRenderers();
  const code = await build({ ...options, ...extra }, effects, renderers);
  return { code, events: effects.events, calls: renderers.calls };
}

describe('the build engine, in memory', () => {
  it('a first build renders every chart and report and publishes them with a manifest', async () => {
    const w = world(seedTexts());
    const { code, events, calls } = await run(w);
    expect(code).toBe(EXIT.ok);
    expect(calls.filter((c) => c.startsWith('pdf'))).toHaveLength(5);
    expect(calls.filter((c) => c.startsWith('html'))).toHaveLength(5);
    expect(w.out?.has('manifest.json')).toBe(true);
    expect(w.out?.get('regions/north-east/pack.pdf')).toBeDefined();
    expect(events.at(-1)).toMatchObject({ event: 'published', exit: 0 });
    expect(w.locked).toBe(false);
  });

  it('a second build with nothing changed renders nothing and publishes nothing', async () => {
    const w = world(seedTexts());
    await run(w);
    const before = w.out;
    const { code, events, calls } = await run(w);
    expect(code).toBe(EXIT.ok);
    expect(calls).toEqual([]);
    expect(w.out).toBe(before);
    expect(events.at(-1)).toMatchObject({ event: 'up-to-date' });
  });

  it("editing one region's commitments re-renders that pack and the summary, no other pack", async () => {
    const w = world(seedTexts());
    await run(w);
    const file = SEED_FILES['south-west'];
    w.documents.set(
      file,
      replaceOnce(seedText('south-west'), 'Embed Employment Hubs', 'Open Employment Hubs'),
    );
    const { calls } = await run(w);
    const reports = calls.filter((c) => !c.startsWith('chart'));
    expect(reports).toEqual(
      expect.arrayContaining(['html regions/south-west/pack.html', 'pdf regions/south-west/pack.html']),
    );
    expect(reports).toContain('html national/summary.html');
    expect(reports.some((c) => c.includes('north-east'))).toBe(false);
  });

  it('editing one commitment renders the pack that quotes it, the summary (which lists hashes), the data and the index', async () => {
    const w = world(seedTexts());
    await run(w);
    const before = new Map(w.out ?? []);
    w.documents.set(
      SEED_FILES['south-west'],
      replaceOnce(seedText('south-west'), 'Embed Employment Hubs', 'Embed Employment Hubs in every prison'),
    );
    const { events } = await run(w);
    const published = events.find((e) => e.event === 'published');
    expect(published?.event === 'published' && published.rendered).toEqual([
      'data/plans.json',
      'data/commitments.csv',
      'national/summary.html',
      'national/summary.pdf',
      'regions/south-west/pack.html',
      'regions/south-west/pack.pdf',
      'index.html',
    ]);
    // Everything else is byte for byte what it was.
    for (const [path, content] of w.out ?? [])
      if (published?.event === 'published' && !published.rendered.includes(path) && path !== 'manifest.json')
        expect(bytes(content), path).toEqual(bytes(before.get(path)));
  });

  it('adding a fifth region renders what shows it and the peers it changes, reuses the rest, and records the change', async () => {
    const w = world(seedTexts());
    await run(w);
    w.documents.set(
      'nw.txt',
      seedText('north-east').replaceAll('North East', 'North West').replace('from 14%', 'from 12%'),
    );
    const { events } = await run(w);
    const published = events.find((e) => e.event === 'published');
    if (published?.event !== 'published') throw new Error('expected a publish');
    expect(published.rendered).toContain('regions/north-west/pack.pdf');
    expect(published.rendered).toContain('national/summary.pdf');
    expect(published.reused).toBeGreaterThan(0);
    const manifest = JSON.parse(String(w.out?.get('manifest.json')));
    expect(manifest.changes.documents).toEqual({ added: ['nw.txt'], changed: [], removed: [] });
    expect(manifest.changes.targets.added).toContain('north-west 2023 employment-6w');
  });

  it('a deleted output is restored, and only it (and the index that says nothing changed) is rendered', async () => {
    const w = world(seedTexts());
    await run(w);
    w.out?.delete('regions/north-east/pack.pdf');
    const { events } = await run(w);
    const published = events.find((e) => e.event === 'published');
    expect(published?.event === 'published' && published.rendered).toEqual([
      'regions/north-east/pack.pdf',
      'index.html',
    ]);
  });

  it('a damaged output is rendered again, the rest reused', async () => {
    const w = world(seedTexts());
    await run(w);
    w.out?.set('regions/north-east/pack.pdf', 'damaged');
    const { calls, events } = await run(w);
    expect(calls).toEqual(['pdf regions/north-east/pack.html']);
    expect(events.at(-1)).toMatchObject({ event: 'published' });
  });

  it('--force renders everything again', async () => {
    const w = world(seedTexts());
    await run(w);
    const { calls } = await run(w, { force: true });
    expect(calls.filter((c) => c.startsWith('pdf'))).toHaveLength(5);
  });

  it('a publish that fails part-way leaves the previous output exactly as it was, and the lock free', async () => {
    const w = world(seedTexts());
    await run(w);
    const before = new Map(w.out ?? []);
    w.documents.set(
      SEED_FILES['north-east'],
      replaceOnce(seedText('north-east'), 'Ensure the New Futures', 'Make sure the New Futures'),
    );
    w.failPublish = true;
    await expect(run(w)).rejects.toThrow(/ENOSPC/);
    expect(w.out).toEqual(before);
    expect(w.locked).toBe(false);
  });

  it('input errors publish nothing and end with one failed event, exit 1', async () => {
    const w = world({ ...seedTexts(), 'broken.txt': '\u0000\u0001 not a plan' });
    const { code, events, calls } = await run(w);
    expect(code).toBe(EXIT.inputErrors);
    expect(calls).toEqual([]);
    expect(w.out).toBeNull();
    expect(events.filter((e) => e.event === 'failed')).toHaveLength(1);
  });

  it('a second build while one holds the lock stops at once, exit 75, touching nothing', async () => {
    const w = world(seedTexts());
    w.locked = true;
    await expect(run(w)).rejects.toMatchObject({ exitCode: EXIT.locked });
    expect(w.out).toBeNull();
    expect(w.locked).toBe(true);
  });

  it('--region builds that pack and the summary, and keeps the other packs as they were', async () => {
    const w = world(seedTexts());
    await run(w);
    const kept = w.out?.get('regions/north-east/pack.pdf');
    const { calls } = await run(w, { regions: new Set(['south-west']), force: true });
    expect(calls.filter((c) => c.startsWith('pdf'))).toEqual([
      'pdf national/summary.html',
      'pdf regions/south-west/pack.html',
    ]);
    expect(w.out?.get('regions/north-east/pack.pdf')).toBe(kept);
  });
});

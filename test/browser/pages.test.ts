import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let browser: Browser;
let seeds: string;
let twelve: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `browser tests need Debian's chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does)`,
    );
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  seeds = inject('seedsBuild');
  twelve = inject('twelveBuild');
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

/** Loads a page as a reader's browser would: CSP enforced, every request and console message recorded. */
async function load(path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const url = pathToFileURL(path).href;
  await page.goto(url, { waitUntil: 'load' });
  await context.close();
  return { url, requests, problems };
}

/** axe-core in a context that lets the test inject it (the pages' own CSP forbids every script). */
async function axeViolations(path: string) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(pathToFileURL(path).href);
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (tags) => {
    // Runs in the page: the page's globals, typed narrowly here because this project has no DOM lib.
    const page = globalThis as unknown as {
      document: unknown;
      axe: {
        run(
          context: unknown,
          options: object,
        ): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
      };
    };
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  }, WCAG_22_AA);
  await context.close();
  return violations;
}

/**
 * At 1280 × 800, what a reader would have to scroll sideways for: the page wider than the window, a
 * table wider than the box it scrolls in, a cell whose content runs past its edge.
 */
async function sidewaysScrolling(path: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(pathToFileURL(path).href);
  const found = await page.evaluate(() => {
    // Runs in the page; typed narrowly because this project has no DOM lib.
    type El = {
      scrollWidth: number;
      clientWidth: number;
      textContent: string | null;
      parentElement: El | null;
      querySelector(s: string): El | null;
      querySelectorAll(s: string): El[];
    };
    const doc = (globalThis as unknown as { document: El & { documentElement: El } }).document;
    const out: string[] = [];
    if (doc.documentElement.scrollWidth > 1280) out.push(`page ${doc.documentElement.scrollWidth} px wide`);
    for (const table of doc.querySelectorAll('table')) {
      const name = (table.querySelector('caption')?.textContent ?? '').slice(0, 60);
      const box = table.parentElement as El;
      if (table.scrollWidth > box.clientWidth + 1)
        out.push(`table "${name}" ${table.scrollWidth} px in ${box.clientWidth} px`);
      for (const cell of table.querySelectorAll('th, td'))
        if (cell.scrollWidth > cell.clientWidth + 1)
          out.push(`cell "${(cell.textContent ?? '').slice(0, 40)}" of "${name}" overflows`);
    }
    return out;
  });
  await context.close();
  return found;
}

const PAGES = [
  'index.html',
  'national/summary.html',
  'regions/north-east/pack.html',
  'regions/east-of-england/pack.html',
  'regions/yorkshire-and-the-humber/pack.html',
  'regions/south-west/pack.html',
];

describe('HTML pages in a browser', () => {
  it.each(PAGES)('%s loads with no console error and no request beyond itself', async (page) => {
    const { url, requests, problems } = await load(join(seeds, page));
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it.each(PAGES)('%s has no WCAG 2.2 A or AA violation (axe-core)', async (page) => {
    expect(await axeViolations(join(seeds, page))).toEqual([]);
  });

  it.each(PAGES)(
    '%s fits a 1280 px window: no sideways scrolling, no table or cell overflowing',
    async (page) => {
      expect(await sidewaysScrolling(join(seeds, page))).toEqual([]);
    },
  );

  it('twelve regions: the summary and a pack fit a 1280 px window', async () => {
    for (const page of ['national/summary.html', 'regions/kent-surrey-and-sussex/pack.html'])
      expect({ page, found: await sidewaysScrolling(join(twelve, page)) }).toEqual({ page, found: [] });
  });

  it("a chart's CSV link works with the page alone: a data: URL saved under the chart's file name", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(seeds, 'regions/north-east/pack.html')).href);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#figure-north-east-spine ~ p a[download]'),
    ]);
    expect(download.suggestedFilename()).toBe('north-east-spine.csv');
    const saved = readFileSync((await download.path()) as string, 'utf8');
    expect(saved).toBe(readFileSync(join(seeds, 'charts/north-east-spine.csv'), 'utf8'));
    await context.close();
  });

  it('twelve regions: the index, the summary and a pack load cleanly; the summary passes axe', async () => {
    for (const page of ['national/summary.html', 'regions/kent-surrey-and-sussex/pack.html', 'index.html']) {
      const { url, requests, problems } = await load(join(twelve, page));
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
    }
    // The summary is the page twelve regions lay out differently; the pack and the index are the
    // seeds' templates with more rows, which axe reads above (each run takes seconds).
    expect(await axeViolations(join(twelve, 'national/summary.html'))).toEqual([]);
  });
});

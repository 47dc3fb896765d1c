import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../src/build/publish.ts';
import { renderPdf } from '../../src/render/index.ts';
import { buildFrom } from '../helpers/build.ts';
import { tempDir } from '../helpers/cli.ts';
import { readPdf } from '../helpers/pdf.ts';
import { replaceOnce, seedText } from '../helpers/seeds.ts';

const LONG = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(8);
const HOSTILE = [
  '<script>alert("pwned")</script> must be shown, never run.',
  '<img src="https://example.org/x.png" onerror="alert(1)"> and <a href="javascript:alert(2)">a link</a>.',
  'Handlebars {{constructor.constructor "alert(3)"}} and {{#each this}}{{/each}} stay text.',
  `A very long word: ${LONG} ends here.`,
  // Beyond Latin-1: these must reach the PDF in its embedded font, not vanish.
  'Cymraeg: Gŵyl, Ŷ; Ελλάδα; Привет.',
];

let out: string;
beforeAll(async () => {
  let text = seedText('south-west');
  const anchor = '- Embed Employment Hubs to help prisoners find and apply for jobs.';
  text = replaceOnce(text, anchor, `${anchor}\n${HOSTILE.map((h) => `- ${h}`).join('\n')}`);
  out = await buildFrom({ 'south-west-2023.txt': text, 'north-east-2023.txt': seedText('north-east') });
}, 240_000);

describe('hostile content in a document', () => {
  it('is escaped in the HTML: no script, no image, no handler, no javascript: link', () => {
    const html = readFileSync(join(out, 'regions/south-west/pack.html'), 'utf8');
    expect(html).not.toMatch(/<script|<img|onerror=|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; must be shown, never run.');
    expect(html).toContain(
      'Handlebars {{constructor.constructor &quot;alert(3)&quot;}} and {{#each this}}{{/each}} stay text.',
    );
    expect(html).toContain('Content-Security-Policy');
  });

  it('renders inert and legible in the browser: shown as text, nothing run, nothing fetched, nothing wider than the page', async () => {
    if (!existsSync('/usr/bin/chromium'))
      throw new Error('needs /usr/bin/chromium (apt-get install chromium)');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
      const requests: string[] = [];
      const dialogs: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      const url = pathToFileURL(join(out, 'regions/south-west/pack.html')).href;
      await page.goto(url);
      expect(requests).toEqual([url]);
      expect(dialogs).toEqual([]);
      const body = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { body: { textContent: string } } }).document.body
            .textContent,
      );
      for (const h of HOSTILE) expect(body).toContain(h);
      const overflow = await page.evaluate(() => {
        const d = (
          globalThis as unknown as {
            document: { documentElement: { scrollWidth: number; clientWidth: number } };
          }
        ).document;
        return d.documentElement.scrollWidth - d.documentElement.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await browser.close();
    }
  });

  it('is plain text in the PDF', async () => {
    const pdf = await readPdf(join(out, 'regions/south-west/pack.pdf'));
    // Long tokens may wrap at their break points, so compare without whitespace.
    const squeezed = pdf.text.replace(/\s/g, '');
    for (const h of HOSTILE) expect(squeezed).toContain(h.replace(/\s/g, ''));
  });
});

describe('nothing reaches outside', () => {
  it('no output path can leave the output folder', () => {
    const dir = join(tempDir(), 'out');
    for (const path of ['../escape.txt', '/etc/x', 'a/../../b']) {
      expect(() => publish(dir, new Map([[path, 'x']]))).toThrow('outside the output folder');
    }
    expect(existsSync(join(dir, '..', 'escape.txt'))).toBe(false);
  });

  it('pdfmake may read no URL and no file but its fonts', async () => {
    for (const image of ['/etc/passwd', 'https://example.org/x.png', 'file:///etc/hostname']) {
      await expect(renderPdf({ content: [{ image }] })).rejects.toThrow('denied by resource access policy');
    }
  });
});

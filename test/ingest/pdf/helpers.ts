import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ingest } from '../../../src/ingest/index.ts';
import { type ExtractedText, readPdf } from '../../../src/ingest/pdf/index.ts';
import type { Plan } from '../../../src/model/index.ts';
import { TARGET_COLUMNS, targetsCsv } from '../../../src/render/data/targets-csv.ts';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'pdf');

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

/**
 * A small PDF laid out by pdfmake (Roboto, embedded), for cases the fixtures do not isolate: its
 * bullets are drawn as shapes, as pdfmake draws every bullet.
 */
export async function makePdf(doc: object): Promise<Uint8Array> {
  const pm = require('pdfmake') as PdfMake;
  const roboto = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');
  pm.setFonts({
    Roboto: {
      normal: join(roboto, 'Roboto-Regular.ttf'),
      bold: join(roboto, 'Roboto-Medium.ttf'),
      italics: join(roboto, 'Roboto-Italic.ttf'),
      bolditalics: join(roboto, 'Roboto-MediumItalic.ttf'),
    },
  });
  pm.setUrlAccessPolicy(() => false);
  // Only the fonts: pdfmake warns on every document made without a policy.
  pm.setLocalAccessPolicy((path) => path.startsWith(roboto));
  return new Uint8Array(
    await pm.createPdf({ defaultStyle: { font: 'Roboto', fontSize: 10 }, ...doc }).getBuffer(),
  );
}

/** The text the reader takes from a PDF's bytes; throws with the diagnostic when it cannot. */
export async function textOf(bytes: Uint8Array, file = 'doc.pdf'): Promise<ExtractedText> {
  const read = await readPdf(file, bytes);
  if (!read.ok) throw new Error(JSON.stringify(read.diagnostic));
  return read.extracted;
}

/** A document read as a build reads it: a PDF through the reader, a text file as it is. */
export async function planOfFile(
  path: string,
  file: string,
): Promise<{ plan: Plan | null; errors: string[] }> {
  const bytes = new Uint8Array(readFileSync(path));
  const extracted = file.endsWith('.pdf') ? await textOf(bytes, file) : undefined;
  const result = ingest([{ file, bytes, ...(extracted ? { extracted } : {}) }]);
  return {
    plan: result.plans[0] ?? null,
    errors: result.diagnostics.filter((d) => d.level === 'error').map((d) => `${d.code}: ${d.message}`),
  };
}

/** targets.csv's rows for a plan without the column that says where each target stands. */
export function targetRows(plan: Plan): string[] {
  const source = TARGET_COLUMNS.indexOf('source');
  return targetsCsv([plan])
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((row) => {
      // No field of these rows holds a comma inside quotes but the source's own ("file, page 4, line 12").
      const fields = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [];
      return fields.filter((_, i) => i !== source).join('');
    });
}

/** Every item of a plan, with its section, its kind of list, and whether its list was inferred. */
export function itemsOf(plan: Plan): string[] {
  return plan.sections.flatMap((s) =>
    [
      ...s.targets.map((t) => `${s.id} target: ${t.sentence}`),
      ...(['paragraphs', 'commitments', 'progress', 'opportunities', 'otherItems'] as const).flatMap((kind) =>
        s[kind].map((i) => `${s.id} ${kind}${i.inferred ? ' (inferred)' : ''}: ${i.text}`),
      ),
    ].concat(`${s.id} heading: ${s.heading}`),
  );
}

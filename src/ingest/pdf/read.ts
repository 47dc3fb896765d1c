import { type Diagnostic, diagnostic } from '../../model/index.ts';
import { extractText } from './extract.ts';
import { loadPages } from './load.ts';
import type { ExtractedText } from './types.ts';

/** Pieces of text on one page beyond which the layout is not read (its cost grows with them). */
const MAX_RUNS_PER_PAGE = 20_000;

/** Fewer letters than this on every page: the pages are pictures of text (a scan), not text. */
const MIN_LETTERS = 20;

export type PdfRead = { ok: true; extracted: ExtractedText } | { ok: false; diagnostic: Diagnostic };

export { isPdfName } from '../decode.ts';

/**
 * One PDF's bytes to the text the plan reader parses. A PDF that is not one, is damaged, needs a
 * password, has no text layer, or is too large, long or slow to read is an error at its file.
 */
export async function readPdf(file: string, bytes: Uint8Array): Promise<PdfRead> {
  const fail = (code: string, message: string): PdfRead => ({
    ok: false,
    diagnostic: diagnostic('error', code, file, undefined, message),
  });
  if (bytes.length === 0)
    return fail(
      'file-empty',
      'expected a PDF of a plan update; found an empty file. Replace it with the published PDF or remove it.',
    );
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-'))
    return fail(
      'pdf-damaged',
      'expected a PDF (a file that starts with "%PDF-"); found something else with a .pdf name. Check that the file was saved as a PDF and copied whole.',
    );
  const loaded = await loadPages(bytes);
  if (!loaded.ok) return fail(loaded.code, loaded.message);
  const letters = loaded.pages.map((p) =>
    p.runs.reduce((n, r) => n + (r.text.match(/\p{L}/gu)?.length ?? 0), 0),
  );
  if (!letters.some((n) => n >= MIN_LETTERS))
    return fail(
      'pdf-no-text',
      `expected a PDF with a text layer (text that can be selected and copied); found ${loaded.pages.length} ${loaded.pages.length === 1 ? 'page' : 'pages'} with no text, as a scan has. Use the PDF the document was published as, or run it through OCR (character recognition) first.`,
    );
  const tooBusy = loaded.pages.find((p) => p.runs.length > MAX_RUNS_PER_PAGE);
  if (tooBusy)
    return fail(
      'pdf-too-complex',
      `expected pages of running text (a page of a plan update holds about a thousand pieces of text); found ${tooBusy.runs.length.toLocaleString('en-GB')} on page ${tooBusy.number}, more than the ${MAX_RUNS_PER_PAGE.toLocaleString('en-GB')} the reader takes. Check that this is a plan update; print it to PDF again if it is.`,
    );
  try {
    return { ok: true, extracted: extractText(loaded.pages) };
  } catch (error) {
    // A bug in the reader, or a page it was not built for: an error at the file, not a crash.
    return fail(
      'pdf-unreadable',
      `expected a PDF whose text the reader can lay out; found one it could not (${error instanceof Error ? error.message.slice(0, 200) : String(error)}). This is a bug in the reader, not in your document: report it with the file.`,
    );
  }
}

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MAX_PDF_BYTES } from '../decode.ts';
import { pageContent } from './page.ts';
import type { PageContent } from './types.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Far above a real update's 10 to 20 pages; a document this long is not one, and each page costs time. */
export const MAX_PAGES = 200;

/**
 * Time allowed to read one PDF: a fixed part (pdfjs parses the file's structure) and a part for
 * each megabyte. A 13-page update takes well under a second; a file crafted to make pdfjs loop
 * or grind is stopped instead of holding the run.
 */
export function timeAllowed(bytes: number): number {
  // Most of a large PDF's bytes are images, which are never decoded: 2 s a megabyte is ample.
  return 10_000 + Math.ceil((bytes / (1024 * 1024)) * 2_000);
}

export type Loaded = { ok: true; pages: PageContent[] } | { ok: false; code: PdfFailure; message: string };

export type PdfFailure = 'pdf-encrypted' | 'pdf-damaged' | 'pdf-too-long' | 'pdf-too-slow' | 'file-too-large';

let library: Promise<PdfJs> | undefined;

/**
 * pdfjs-dist's legacy build, loaded once per process (about a second) and only when a PDF is read.
 * Its worker code runs in this thread ("fake worker"): no thread is started and no file is fetched.
 * While it loads, pdfjs reports on the optional canvas package it uses only for drawing, which
 * text reading never needs; those lines would land on the tool's standard output, so they are held
 * back for the duration of the import.
 */
export function loadPdfjs(): Promise<PdfJs> {
  library ??= (async () => {
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
      log(...args);
    };
    try {
      // A variable specifier: the worker module ships no type declarations.
      const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      const worker = (await import(workerModule)) as { WorkerMessageHandler: unknown };
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      return pdfjs;
    } finally {
      console.log = log;
    }
  })();
  return library;
}

// Character maps for fonts that name a registered CID encoding: local files shipped with pdfjs.
const CMAPS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps')}/`;

/**
 * Every page of a PDF as text runs and small filled shapes. Safe with untrusted files: nothing is
 * fetched (the bytes are given), no code from the file is compiled (isEvalSupported), no system
 * font is looked up and no font is installed, images are never decoded (maxImageSize 0), pdfjs
 * says nothing on the console, and size, page count and time are bounded.
 */
export async function loadPages(bytes: Uint8Array): Promise<Loaded> {
  if (bytes.length > MAX_PDF_BYTES)
    return {
      ok: false,
      code: 'file-too-large',
      message: `expected a PDF of at most ${MAX_PDF_BYTES / 1024 / 1024} MB; found ${(bytes.length / 1024 / 1024).toFixed(1)} MB, which was not read. Save the update without embedded images, or split it.`,
    };
  const pdfjs = await loadPdfjs();
  // Installed once and kept: pdfjs's stray rejections may come after a read has ended.
  if (!process.listeners('unhandledRejection').includes(containPdfjsRejection))
    process.on('unhandledRejection', containPdfjsRejection);
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of the buffer it is given: a copy keeps the caller's bytes intact.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    maxImageSize: 0,
    enableXfa: false,
    stopAtErrors: false,
    cMapUrl: CMAPS,
    cMapPacked: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Loaded>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          code: 'pdf-too-slow',
          message: `expected a PDF that can be read in ${timeAllowed(bytes.length) / 1000} seconds; reading it took longer and was stopped. Check that this is an update saved from a word processor or a design tool; print it again to PDF if it is.`,
        }),
      timeAllowed(bytes.length),
    );
  });
  const read = (async (): Promise<Loaded> => {
    const doc = await task.promise;
    if (doc.numPages > MAX_PAGES)
      return {
        ok: false,
        code: 'pdf-too-long',
        message: `expected a plan update of at most ${MAX_PAGES} pages; found ${doc.numPages}, which were not read. Check that this is one region's update.`,
      };
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await pageContent(pdfjs, await doc.getPage(n)));
    return { ok: true, pages };
  })().catch((error: unknown) => failure(error));
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

/**
 * A damaged file makes pdfjs reject some of its internal promises that nothing awaits (its worker
 * code runs in this thread), after the failure itself has reached us and been reported. Left
 * alone, Node ends the process on the first of them. Once a PDF has been read, those are dropped,
 * whenever they come; anything else goes on as Node would take it: to another listener, or thrown.
 */
function containPdfjsRejection(reason: unknown): void {
  const fromPdfjs =
    reason instanceof Error &&
    /Exception$|^FormatError$/.test(reason.name) &&
    /pdf\.js|pdfjs-dist/.test(reason.stack ?? '');
  if (fromPdfjs) return;
  if (process.listenerCount('unhandledRejection') === 1)
    process.nextTick(() => {
      throw reason;
    });
}

/** What pdfjs threw, as what the user can do about it; never a stack trace. */
function failure(error: unknown): Loaded {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException')
    return {
      ok: false,
      code: 'pdf-encrypted',
      message:
        'expected a PDF that opens without a password; found one that is encrypted with a password, so it was not read. Save a copy without a password (or ask its publisher for one) and put that in the input folder.',
    };
  const detail = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 200) : String(error);
  return {
    ok: false,
    code: 'pdf-damaged',
    message: `expected a readable PDF; found one that cannot be read (${detail}). Check that the file was copied whole; open it in a PDF viewer and save or print it to PDF again.`,
  };
}

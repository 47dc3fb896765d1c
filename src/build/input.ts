import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeControls } from '../format/terminal.ts';
import { MAX_BYTES, MAX_PDF_BYTES, maxBytesOf } from '../ingest/decode.ts';
import type { InputDocument } from '../ingest/ingest.ts';
import { isPdfName, readPdf } from '../ingest/pdf/index.ts';
import { type LocatedReading, readReadings } from '../ingest/readings.ts';
import { REFERENCE_FILE, readReference } from '../ingest/reference.ts';
import { readRegionalFigures } from '../ingest/regional-figures.ts';
import {
  type Diagnostic,
  diagnostic,
  type NationalReference,
  type PageMap,
  READINGS_FILE,
  REGIONAL_FIGURES_FILE,
  type RegionalFigures,
  sha256,
} from '../model/index.ts';
import { CliError } from './errors.ts';

/** The national reference that ships with the tool, found from this file as the templates are. */
export const DEFAULT_REFERENCE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'seeds',
  REFERENCE_FILE,
);

/** Which national reference a run used: the one given with --reference, the input folder's, or the project's. */
export interface ReferenceSource {
  /** As shown to the user: the --reference argument, the file name in the input folder, or the project's path. */
  file: string;
  origin: 'option' | 'input' | 'project';
}

export interface InputFolder {
  documents: InputDocument[];
  reference: NationalReference | null;
  /** Of the reference file's bytes, for the manifest; null when it could not be read. */
  referenceSha256: string | null;
  referenceSource: ReferenceSource;
  /** An analyst's readings of target sentences the reader cannot read (readings.json); none when absent. */
  readings: LocatedReading[];
  /** Of readings.json's bytes, for the manifest; null when the folder has none. */
  readingsSha256: string | null;
  /** Official figures by region (regional-figures.json), for target status; null when absent or invalid. */
  regional?: RegionalFigures | null;
  /** Of regional-figures.json's bytes, for the manifest; null when the folder has none. */
  regionalSha256?: string | null;
  diagnostics: Diagnostic[];
}

export interface InputOptions {
  /** --reference FILE: the national reference to use instead of the input folder's or the project's. */
  reference?: string | null;
}

/**
 * Reads every plan update (`*.txt`, `*.pdf`) in a folder and the national reference. Only regular files
 * that lie inside the folder are read (a link may point to one); each is sized before it is read
 * and refused unread above the size limit. Anything else - another kind of file, a folder, a
 * link that leads out of the folder or nowhere, a named pipe, a hidden entry, a name with a line
 * break or control character - is named in a warning, never skipped silently and never opened.
 */
export function readInputFolder(dir: string, options: InputOptions = {}): InputFolder {
  let names: string[];
  let root: string;
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    root = realpathSync(dir);
    names = readdirSync(dir).sort();
  } catch {
    throw new CliError(
      `input folder "${dir}" cannot be read: expected a folder of plan updates (*.txt, *.pdf)`,
    );
  }
  const documents: InputDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const warn = (name: string, code: string, message: string) =>
    diagnostics.push(diagnostic('warning', code, escapeName(name), undefined, message));
  for (const name of names) {
    if (name === REFERENCE_FILE || name === READINGS_FILE || name === REGIONAL_FIGURES_FILE) continue;
    if (UNSAFE_NAME.test(name)) {
      warn(
        name,
        'file-name-unsafe',
        `expected a file name without line breaks or control characters; found ${JSON.stringify(escapeName(name))}, which was not read because it cannot be named safely in reports and messages. Rename the file.`,
      );
      continue;
    }
    if (name.startsWith('.')) {
      warn(
        name,
        'file-hidden',
        'expected visible plan updates; found a hidden entry (its name starts with "."), which was not read. Rename it without the leading dot to have it read, or move it out of the input folder.',
      );
      continue;
    }
    const entry = inspectEntry(root, join(dir, name));
    if (!entry.ok) {
      warn(name, entry.code, entry.message);
      continue;
    }
    if (!/\.(?:txt|pdf)$/i.test(name)) {
      warn(
        name,
        'file-ignored',
        'expected plan updates as PDF files (ending in .pdf) or plain-text files (ending in .txt); found another kind of file, which was not read. Save it as a PDF or extract its text to a .txt file, or move it out of the input folder.',
      );
      continue;
    }
    const read = readRegularFile(entry.path, maxBytesOf(name));
    if (read.ok) documents.push({ file: name, bytes: read.bytes });
    else if (read.tooLarge !== undefined) diagnostics.push(tooLarge(name, read.tooLarge));
    else warn(name, read.code, read.message);
  }
  if (documents.length === 0) {
    diagnostics.push(
      diagnostic(
        'error',
        'no-documents',
        dir,
        undefined,
        'expected at least one plan update (*.txt or *.pdf) in the input folder; found none.',
      ),
    );
  }
  const { reference, sha256, source } = readReferenceFile(
    dir,
    root,
    names,
    options.reference ?? null,
    diagnostics,
  );
  const readings = readReadingsFile(dir, root, names, diagnostics);
  const regional = readRegionalFile(dir, root, names, diagnostics);
  return {
    documents,
    reference,
    referenceSha256: sha256,
    referenceSource: source,
    readings: readings.readings,
    readingsSha256: readings.sha256,
    regional: regional.figures,
    regionalSha256: regional.sha256,
    diagnostics,
  };
}

/**
 * regional-figures.json, when the input folder has one: bounded and untrusted like readings.json,
 * refused whole (errors at their lines) when it does not validate, since a wrong figure would
 * decide whether a target was met.
 */
function readRegionalFile(
  dir: string,
  root: string,
  names: readonly string[],
  diagnostics: Diagnostic[],
): { figures: RegionalFigures | null; sha256: string | null } {
  if (!names.includes(REGIONAL_FIGURES_FILE)) return { figures: null, sha256: null };
  const entry = inspectEntry(root, join(dir, REGIONAL_FIGURES_FILE));
  const read: Read = entry.ok ? readRegularFile(entry.path) : entry;
  if (!read.ok) {
    diagnostics.push(
      read.tooLarge !== undefined
        ? diagnostic(
            'error',
            'file-too-large',
            REGIONAL_FIGURES_FILE,
            undefined,
            `expected official regional figures of at most ${MAX_BYTES / 1024 / 1024} MB; found ${(read.tooLarge / 1024 / 1024).toFixed(1)} MB, which was not read.`,
          )
        : diagnostic('error', read.code, REGIONAL_FIGURES_FILE, undefined, read.message),
    );
    return { figures: null, sha256: null };
  }
  const hash = sha256(read.bytes);
  const result = readRegionalFigures(Buffer.from(read.bytes).toString('utf8'));
  if (!result.ok) {
    diagnostics.push(...result.diagnostics);
    return { figures: null, sha256: hash };
  }
  return { figures: result.figures, sha256: hash };
}

/**
 * readings.json, when the input folder has one: read as untrusted as the documents are, and
 * refused whole (an error at its line) when it does not validate.
 */
function readReadingsFile(
  dir: string,
  root: string,
  names: readonly string[],
  diagnostics: Diagnostic[],
): { readings: LocatedReading[]; sha256: string | null } {
  if (!names.includes(READINGS_FILE)) return { readings: [], sha256: null };
  const entry = inspectEntry(root, join(dir, READINGS_FILE));
  const read: Read = entry.ok ? readRegularFile(entry.path) : entry;
  if (!read.ok) {
    diagnostics.push(
      read.tooLarge !== undefined
        ? diagnostic(
            'error',
            'file-too-large',
            READINGS_FILE,
            undefined,
            `expected an analyst's readings file of at most ${MAX_BYTES / 1024 / 1024} MB; found ${(read.tooLarge / 1024 / 1024).toFixed(1)} MB, which was not read.`,
          )
        : diagnostic('error', read.code, READINGS_FILE, undefined, read.message),
    );
    return { readings: [], sha256: null };
  }
  const hash = sha256(read.bytes);
  const result = readReadings(Buffer.from(read.bytes).toString('utf8'));
  if (!result.ok) {
    diagnostics.push(...result.diagnostics);
    return { readings: [], sha256: hash };
  }
  return { readings: result.readings, sha256: hash };
}

/**
 * The input folder with its PDFs read to text: the step of a run that is not pure, as reading a
 * PDF is asynchronous (pdfjs), kept apart so that ingest stays pure. pdfjs is loaded only when
 * the folder holds a PDF. A PDF that cannot be read stays among the documents, marked unread
 * (`extracted: null`) with its error among the folder's diagnostics, so a run that leaves out
 * documents with errors leaves it out like any other.
 */
export async function readPdfs(folder: InputFolder): Promise<InputFolder> {
  if (!folder.documents.some((d) => isPdfName(d.file))) return folder;
  const documents: InputDocument[] = [];
  const diagnostics = [...folder.diagnostics];
  for (const document of folder.documents) {
    if (!isPdfName(document.file)) {
      documents.push(document);
      continue;
    }
    const read = await readPdf(document.file, document.bytes);
    documents.push({ ...document, extracted: read.ok ? read.extracted : null });
    if (!read.ok) diagnostics.push(read.diagnostic);
  }
  return { ...folder, documents, diagnostics };
}

/** Where each PDF's extracted lines stand on its pages, by file: for diagnostics (locateDiagnostics). */
export function pageMaps(documents: readonly InputDocument[]): Map<string, PageMap> {
  return new Map(documents.flatMap((d) => (d.extracted ? [[d.file, d.extracted] as const] : [])));
}

/** C0 and C1 control characters and DEL: a name holding one could forge or garble a diagnostic line. */
const UNSAFE_NAME = /\p{Cc}/u;

/** A name as it may be printed: control characters as \u001B (as every message shows them), the rest as it is. */
export const escapeName = escapeControls;

type Entry = { ok: true; path: string } | { ok: false; code: string; message: string };

/** An entry removed between listing the folder and reading it. */
const VANISHED = {
  ok: false,
  code: 'file-vanished',
  message: 'expected a file; it was removed while the folder was being read, so it was not read. Run again.',
} as const;

/**
 * What an entry of the input folder is, without opening it: a regular file inside the folder
 * (directly or through links that stay inside) is readable; everything else says why not.
 */
function inspectEntry(root: string, path: string): Entry {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    return VANISHED;
  }
  let target = path;
  if (stats.isSymbolicLink()) {
    const to = escapeName(safeReadlink(path));
    try {
      target = realpathSync(path);
    } catch {
      return {
        ok: false,
        code: 'link-dangling',
        message: `expected a plan update; found a link to "${to}", which does not exist, so nothing was read. Point the link at a file in the input folder, or remove it.`,
      };
    }
    if (!isInside(root, target)) {
      return {
        ok: false,
        code: 'link-outside',
        message: `expected files inside the input folder; found a link to "${to}", outside it, which was not read, so no text from outside the folder can be published. Copy the document into the input folder instead of linking to it.`,
      };
    }
    try {
      stats = statSync(target);
    } catch {
      return VANISHED;
    }
  }
  if (stats.isFile()) return { ok: true, path: target };
  return {
    ok: false,
    code: stats.isDirectory() ? 'folder-ignored' : 'file-special',
    message: notAFile(stats),
  };
}

function notAFile(stats: Stats): string {
  if (stats.isDirectory())
    return 'expected plan updates as files; found a folder, which was not read (folders inside the input folder are not searched). Move its documents into the input folder itself.';
  return `expected plan updates as regular files; found ${kindOf(stats)}, which was not opened. Save the document as an ordinary file in the input folder.`;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'something other than a regular file';
}

function safeReadlink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '?';
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

type Read =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; tooLarge: number; code?: undefined; message?: undefined }
  | { ok: false; tooLarge?: undefined; code: string; message: string };

/**
 * Reads a regular file whole, sizing it first on the opened descriptor, so a file swapped for a
 * pipe or a link between the check and the open is never waited on, followed, or read unbounded.
 * A file over the size limit is refused without reading a byte of it.
 */
function readRegularFile(path: string, limit = MAX_BYTES): Read {
  let fd: number;
  try {
    // O_NONBLOCK: opening a pipe swapped in since the check returns at once instead of waiting for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return VANISHED;
    if (code === 'ELOOP' || code === 'ENXIO')
      return {
        ok: false,
        code: 'file-special',
        message:
          'expected a regular file; it was replaced by a link or a pipe while the folder was being read, so it was not read. Run again.',
      };
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, code: 'file-special', message: notAFile(stats) };
    if (stats.size > limit) return { ok: false, tooLarge: stats.size };
    const bytes = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return { ok: true, bytes: bytes.subarray(0, filled) };
  } catch (error) {
    // Reading an open descriptor names no file; the message must say which one failed.
    const errno = error as NodeJS.ErrnoException;
    if (typeof errno.code === 'string' && errno.path === undefined) errno.path = path;
    throw error;
  } finally {
    closeSync(fd);
  }
}

function tooLarge(name: string, size: number): Diagnostic {
  const found = `found ${(size / 1024 / 1024).toFixed(1)} MB, which was not read`;
  return diagnostic(
    'error',
    'file-too-large',
    escapeName(name),
    undefined,
    isPdfName(name)
      ? `expected a PDF of at most ${MAX_PDF_BYTES / 1024 / 1024} MB; ${found}. Save the update with smaller images, or split it.`
      : `expected a plan update of at most ${MAX_BYTES / 1024 / 1024} MB (the real ones are about 30 KB); ${found}. Check that this is the extracted text of one update.`,
  );
}

/**
 * The national reference: the file given with --reference; otherwise national-figures.json in the
 * input folder, so that one folder can be one run's whole input; otherwise the project's own,
 * with a note saying so.
 */
function readReferenceFile(
  dir: string,
  root: string,
  names: readonly string[],
  option: string | null,
  diagnostics: Diagnostic[],
): { reference: NationalReference | null; sha256: string | null; source: ReferenceSource } {
  let path: string;
  let source: ReferenceSource;
  if (option !== null) {
    // Named by the user, so it may be anywhere; it must still be a regular file.
    source = { file: option, origin: 'option' };
    let stats: Stats | null = null;
    try {
      path = realpathSync(option);
      stats = statSync(path);
    } catch {
      path = option;
    }
    if (!stats?.isFile())
      throw new CliError(
        `--reference "${escapeName(option)}" cannot be read: expected a national reference file (JSON, like seeds/${REFERENCE_FILE}); found ${stats ? `${kindOf(stats)}, which was not opened` : 'nothing there'}. Give the path of a JSON file.`,
      );
    if (names.includes(REFERENCE_FILE))
      diagnostics.push(
        diagnostic(
          'info',
          'reference-not-used',
          REFERENCE_FILE,
          undefined,
          `expected one national reference; found ${REFERENCE_FILE} in the input folder and --reference ${escapeName(option)}. The file given with --reference was used; drop the option to use the folder's.`,
        ),
      );
  } else if (names.includes(REFERENCE_FILE)) {
    source = { file: REFERENCE_FILE, origin: 'input' };
    const entry = inspectEntry(root, join(dir, REFERENCE_FILE));
    if (!entry.ok) {
      diagnostics.push(
        diagnostic(
          'error',
          entry.code,
          REFERENCE_FILE,
          undefined,
          `${entry.message} (This is the national reference file: pass --reference FILE to use one from elsewhere.)`,
        ),
      );
      return { reference: null, sha256: null, source };
    }
    path = entry.path;
  } else {
    source = { file: DEFAULT_REFERENCE, origin: 'project' };
    path = DEFAULT_REFERENCE;
  }
  const read = readRegularFile(path);
  if (!read.ok) {
    diagnostics.push(
      read.tooLarge !== undefined
        ? diagnostic(
            'error',
            'file-too-large',
            source.file,
            undefined,
            `expected a national reference file of at most ${MAX_BYTES / 1024 / 1024} MB; found ${(read.tooLarge / 1024 / 1024).toFixed(1)} MB, which was not read.`,
          )
        : diagnostic('error', read.code, source.file, undefined, read.message),
    );
    return { reference: null, sha256: null, source };
  }
  const hash = sha256(read.bytes);
  const result = readReference(source.file, Buffer.from(read.bytes).toString('utf8'));
  if (!result.ok) {
    diagnostics.push(...result.diagnostics);
    return { reference: null, sha256: hash, source };
  }
  if (source.origin === 'project')
    diagnostics.push(
      diagnostic(
        'info',
        'reference-default',
        REFERENCE_FILE,
        undefined,
        `expected the national reference ${REFERENCE_FILE} in the input folder ${dir}; found none, so the project's own (version ${result.reference.version}, ${DEFAULT_REFERENCE}) was used. Put a ${REFERENCE_FILE} in the input folder or pass --reference FILE to use another.`,
      ),
    );
  return { reference: result.reference, sha256: hash, source };
}

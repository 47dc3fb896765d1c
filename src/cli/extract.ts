import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { CliError, EXIT } from '../build/errors.ts';
import { decodeDocument, maxBytesOf } from '../ingest/decode.ts';
import { isPdfName, readPdf } from '../ingest/pdf/index.ts';
import { splitLines } from '../ingest/text.ts';
import { formatDiagnostic, locateInPages } from '../model/index.ts';
import type { Io } from './io.ts';

/**
 * `extract FILE`: the text the plan reader parses from one document, a line of output for each of
 * its lines, each led by where a reader finds it: `page 4, line 12:` in a PDF (lines counted on
 * their page, as diagnostics, targets.csv and the reports cite them), `line 12:` in a text file.
 * Blank lines (paragraph breaks) are printed blank. Control characters are shown escaped, as in
 * every message (a contents entry's tab as \u0009). A file that cannot be read is an error
 * diagnostic (exit 1); no file there is a usage error (exit 2).
 */
export async function runExtract(options: { file: string }, io: Io): Promise<number> {
  const bytes = readFile(options.file);
  if (isPdfName(options.file)) {
    const read = await readPdf(options.file, bytes);
    if (!read.ok) {
      io.stderr(`${formatDiagnostic(read.diagnostic)}\n`);
      return EXIT.inputErrors;
    }
    const { text, pages, blankLines } = read.extracted;
    const lines = splitLines(text);
    const out = lines.map((line, i) => {
      if (line === '') return '';
      const at = locateInPages({ pages, blankLines }, i + 1);
      return `page ${at.page ?? 1}, line ${at.line}: ${line}`;
    });
    io.stdout(`${out.join('\n')}\n`);
    return EXIT.ok;
  }
  const decoded = decodeDocument(options.file, bytes);
  if (!decoded.ok) {
    io.stderr(`${formatDiagnostic(decoded.diagnostic)}\n`);
    return EXIT.inputErrors;
  }
  for (const note of decoded.notes) io.stderr(`${formatDiagnostic(note)}\n`);
  const out = splitLines(decoded.text).map((line, i) => (line.trim() === '' ? '' : `line ${i + 1}: ${line}`));
  io.stdout(`${out.join('\n')}\n`);
  return EXIT.ok;
}

/** The file's bytes, refused unread when it is not a regular file or is over the size limit. */
function readFile(path: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new CliError(
        `extract: "${path}" cannot be read: expected a plan update (.pdf or .txt); found nothing there.`,
      );
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      throw new CliError(
        `extract: "${path}" cannot be read: expected a plan update (.pdf or .txt); found something that is not a file.`,
      );
    const limit = maxBytesOf(path);
    if (stats.size > limit)
      throw new CliError(
        `extract: "${path}" was not read: expected a plan update of at most ${limit / 1024 / 1024} MB; found ${(stats.size / 1024 / 1024).toFixed(1)} MB.`,
        EXIT.inputErrors,
      );
    const bytes = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

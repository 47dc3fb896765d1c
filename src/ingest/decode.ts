import { type Diagnostic, diagnostic } from '../model/index.ts';

export type Decoded = { ok: true; text: string; notes: Diagnostic[] } | { ok: false; diagnostic: Diagnostic };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Far above any real update; a file this large is not one, and reading it could exhaust memory. */
export const MAX_BYTES = 4 * 1024 * 1024;

/**
 * A designed PDF carries photographs and fonts that its text does not: a published update may run
 * to several megabytes. pdfjs holds the file in memory and never decodes its images, so the bound
 * keeps a run's memory to a few times this per document.
 */
export const MAX_PDF_BYTES = 32 * 1024 * 1024;

/** The size limit for a document of this name: a PDF's, or a text file's. */
/** A file read as a PDF, by its name. */
export const isPdfName = (file: string): boolean => file.toLowerCase().endsWith('.pdf');

export const maxBytesOf = (name: string): number => (isPdfName(name) ? MAX_PDF_BYTES : MAX_BYTES);

/**
 * Turns a file's bytes into text. The published documents are UTF-8; other encodings are read
 * where they can be told apart with certainty and reported, anything else is refused, so a
 * mis-decoded number can never reach a report.
 */
export function decodeDocument(file: string, bytes: Uint8Array): Decoded {
  if (bytes.length === 0) {
    return fail(
      file,
      'file-empty',
      'expected a plain-text plan update; found an empty file. Replace it with the extracted text of the document or remove it.',
    );
  }
  if (bytes.length > MAX_BYTES) {
    return fail(
      file,
      'file-too-large',
      `expected a plan update of at most ${MAX_BYTES / 1024 / 1024} MB (the real ones are about 30 KB); found ${(bytes.length / 1024 / 1024).toFixed(1)} MB. Check that this is the extracted text of one update.`,
    );
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return fromUtf16(file, bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return fromUtf16(file, bytes, 'utf-16be');
  if (bytes.includes(0)) {
    return fail(
      file,
      'file-not-text',
      `expected plain text; found binary data (a NUL byte at offset ${bytes.indexOf(0)}). Extract the document's text (for example with pdftotext) and save it as UTF-8.`,
    );
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { ok: true, text: utf8.decode(bytes.subarray(start)), notes: [] };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = lineOfOffset(bytes, at);
    const controlBytes = bytes.filter((b) => b < 0x09 || (b > 0x0d && b < 0x20)).length;
    if (controlBytes > bytes.length / 100) {
      return fail(
        file,
        'file-not-text',
        "expected plain text; found binary data. Extract the document's text and save it as UTF-8.",
        line,
      );
    }
    // Latin-1 (Windows-1252) is the usual culprit for a text file that is not UTF-8: every byte maps to a character.
    const text = new TextDecoder('windows-1252').decode(bytes);
    return {
      ok: true,
      text,
      notes: [
        diagnostic(
          'warning',
          'file-encoding-latin1',
          file,
          line,
          `expected UTF-8; found a byte (0x${(bytes[at] ?? 0).toString(16)}) that is not UTF-8, so the file was read as Windows-1252 (Latin-1). Check accented letters and the £ sign, then save the file as UTF-8.`,
        ),
      ],
    };
  }
}

function fromUtf16(file: string, bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const text = new TextDecoder(encoding).decode(bytes.subarray(2));
  return {
    ok: true,
    text,
    notes: [
      diagnostic(
        'info',
        'file-encoding-utf16',
        file,
        undefined,
        `expected UTF-8; found ${encoding.toUpperCase()} with a byte-order mark, read as such. Save the file as UTF-8 to silence this note.`,
      ),
    ],
  };
}

function fail(file: string, code: string, message: string, line?: number): Decoded {
  return { ok: false, diagnostic: diagnostic('error', code, file, line, message) };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

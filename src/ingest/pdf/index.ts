export { extractText } from './extract.ts';
export { loadPdfjs, MAX_PAGES } from './load.ts';
export { isPdfName, type PdfRead, readPdf } from './read.ts';
export type { ExtractedText } from './types.ts';

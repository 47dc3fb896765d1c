export { nationalPdf, regionalPdf } from './document.ts';
export { renderPdf } from './pdfmake.ts';

export { type IndexEntry, renderIndexHtml, renderReportHtml } from './html/page.ts';
export { nationalPdf, regionalPdf, renderPdf } from './pdf/index.ts';
export { loadTemplates, TemplateError, type Templates } from './templates.ts';
export type { ReportInput } from './view/common.ts';
export { nationalView } from './view/national.ts';
export { practiceOf } from './view/practice.ts';
export { regionalView } from './view/regional.ts';
export {
  type NationalView,
  NationalViewSchema,
  type RegionalView,
  RegionalViewSchema,
} from './view/schema.ts';

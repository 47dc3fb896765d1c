import type { ReportSection } from './view/schema.ts';

/**
 * A section with nothing to show: its charts have no rows and it has no table. Its paragraphs say
 * why in a line or two, so both renderers leave out its empty charts, which would only say it
 * again (a PDF page, or a screen, a reader passes over for nothing).
 */
export const hasNothingToShow = (s: ReportSection): boolean =>
  s.tables.length === 0 && s.charts.every((c) => c.table.rows.length === 0) && s.paragraphs.length > 0;

/** The section as the renderers draw it: its empty charts left out when it has nothing to show. */
export const drawnSection = (s: ReportSection): ReportSection =>
  hasNothingToShow(s) ? { ...s, charts: [] } : s;

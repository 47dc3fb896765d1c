import { withoutBidiControls } from '../../format/bidi.ts';
import { drawnSection } from '../sections.ts';
import type { Templates } from '../templates.ts';
import type { NationalView, RegionalView, Table } from '../view/schema.ts';
import { pageCss } from './css.ts';
import { wrappable } from './wrap.ts';

/** A table with each cell carrying its column's alignment, so the template needs no arithmetic. */
interface HtmlTable extends Omit<Table, 'rows'> {
  /** Each cell as escaped HTML with break opportunities in its long tokens (wrap.ts). */
  rows: Array<{ header: string; cells: Array<{ html: string; numeric: boolean }> }>;
}

const isTable = (v: unknown): v is Table =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as Table).columns) &&
  Array.isArray((v as Table).rows) &&
  'caption' in v;

/**
 * The view as the HTML templates see it: tables annotated, and every string without bidirectional
 * controls, so that no quoted text, file name or citation can reorder the page around it (quotes
 * are also isolated in <bdi>, templates/html/pack.hbs).
 */
function annotate(value: unknown): unknown {
  if (typeof value === 'string') return withoutBidiControls(value);
  if (Array.isArray(value)) return value.map(annotate);
  if (isTable(value)) {
    const table: HtmlTable = {
      ...value,
      rows: value.rows.map((r) => ({
        header: wrappable(withoutBidiControls(r.header)),
        cells: r.cells.map((text, i) => ({
          html: wrappable(withoutBidiControls(text)),
          numeric: value.columns[i + 1]?.numeric ?? false,
        })),
      })),
    };
    return table;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, annotate(v)]));
  }
  return value;
}

/** `national/summary.html` → `../`: links from a page back to the output folder's root. */
export const rootOf = (path: string) => '../'.repeat(path.split('/').length - 1);

/** A report page: the view in its template, inside the layout, styles inlined, nothing fetched. */
export function renderReportHtml(view: NationalView | RegionalView, templates: Templates): string {
  const drawn =
    view.kind === 'national'
      ? { ...view, sections: view.sections.map(drawnSection) }
      : {
          ...view,
          sections: view.sections.map(drawnSection),
          attainment: drawnSection(view.attainment),
          practice: drawnSection(view.practice),
        };
  const context = {
    ...(annotate(drawn) as object),
    root: rootOf(view.path),
    css: pageCss(),
    keywords: view.keywords.join(', '),
    footer: `${view.title}. Built from the plan updates and the national reference file; every figure names its source.`,
  };
  const body = templates.html(view.kind === 'national' ? 'summary' : 'pack', context);
  return templates.html('layout', { ...context, body });
}

export interface IndexEntry {
  label: string;
  path: string;
  bytes: number;
}

/** out/index.html: every report and data file, with its size. */
export function renderIndexHtml(
  input: {
    title: string;
    intro: string;
    reports: IndexEntry[];
    data: IndexEntry[];
    charts: number;
    /** Documents and targets added, changed and removed since the previous build. */
    changes: Record<'documents' | 'targets', Record<'added' | 'changed' | 'removed', string[]>>;
  },
  templates: Templates,
): string {
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? `${(bytes / 1024 / 1024).toFixed(1)}\u00a0MB`
      : `${Math.max(1, Math.round(bytes / 1024))}\u00a0KB`;
  const group = (heading: string, caption: string, entries: IndexEntry[]) => ({
    heading,
    caption,
    entries: entries.map((e) => ({ label: e.label, path: e.path, size: size(e.bytes) })),
  });
  const context = {
    title: input.title,
    subject: input.intro,
    author: 'Regional benchmarks',
    keywords: 'reducing reoffending, benchmarks',
    root: '',
    css: pageCss(),
    intro: input.intro,
    groups: [
      group('Reports', 'Reports, in HTML and PDF', input.reports),
      group('Data', 'Data files', input.data),
    ],
    charts: `${input.charts} charts, each as SVG, its Vega-Lite spec and its data as CSV, in the charts folder.`,
    changes: (['documents', 'targets'] as const).flatMap((what) =>
      (['added', 'changed', 'removed'] as const)
        .filter((how) => input.changes[what][how].length > 0)
        .map((how) => ({
          label: `${what === 'documents' ? 'Documents' : 'Targets'} ${how}`,
          items: input.changes[what][how],
        })),
    ),
    footer: input.title,
  };
  return templates.html('layout', { ...context, body: templates.html('index', context) });
}

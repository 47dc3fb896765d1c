import { drawnSection } from '../sections.ts';
import {
  type ChartView,
  type GlanceView,
  type Headings,
  type Methods,
  type NationalView,
  PAGE_FIELDS,
  type RegionalView,
  type ReportSection,
  type Table,
} from '../view/schema.ts';
import { breakable } from './breaks.ts';
import { BODY_FONT } from './fonts.ts';
import { svgForPdf } from './svg.ts';
import { tableLayout } from './table-layout.ts';

// pdfmake content is plain objects; these aliases keep the builders readable without pretending
// to a type pdfmake does not export.
type Content = Record<string, unknown> | string;

/** Left, top, right, bottom: the text runs 515 pt wide on A4's 595. */
export const PAGE_MARGINS = [40, 50, 40, 50] as const;
const WIDTH = 595 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

// Spacing is all top margin: a bottom margin at the foot of a page spills onto the next one, and
// a heading that then forces a page break leaves that page blank.
// Styles are spread onto the nodes, not named in a `styles` dictionary: pdfmake looks a named
// style up again for each of some twenty properties of every word, allocating as it goes. Same
// PDF bytes, and the 12-region build 0.14 s faster (medians of seven).
const styles = {
  title: { fontSize: 22, bold: true, margin: [0, 0, 0, 0] },
  subtitle: { fontSize: 14, color: '#383f43', margin: [0, 6, 0, 0] },
  meta: { fontSize: 10, color: '#505a5f' },
  h1: { fontSize: 18, bold: true, margin: [0, 28, 0, 0] },
  h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 0] },
  h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 0] },
  body: { fontSize: 10, lineHeight: 1.35, margin: [0, 8, 0, 0] },
  caption: { fontSize: 9, color: '#383f43', margin: [0, 4, 0, 0] },
  table: { fontSize: 8, margin: [0, 6, 0, 0] },
  tableHeader: { bold: true, fillColor: '#f3f2f1' },
  source: { fontSize: 8, color: '#505a5f', margin: [0, 2, 0, 0] },
};

/** A style for a run inside a paragraph: margins belong to blocks. */
function inline(style: Record<string, unknown>): Record<string, unknown> {
  const { margin, ...rest } = style;
  return rest;
}

/**
 * Top-level headings are the bookmarks (the PDF's outline: a short pack needs no contents page).
 * Sections follow one another down the page rather than each opening a page: a section that ends
 * a few lines into a page would otherwise leave that page near-empty. `opensPage` starts a part
 * that is read on its own (the methods). pdfmake's pageBreakBefore hook could keep a heading off a
 * page's foot, but it lays the whole document out again for every break it inserts (tripling PDF
 * time); headings are kept with what follows them by `keep` instead.
 */
function heading(text: string, level: 1 | 2 | 3, opensPage = false): Content {
  return {
    text,
    ...styles[`h${level}`],
    role: `H${level}`,
    ...(level === 1 ? { outline: true } : {}),
    ...(opensPage ? { pageBreak: 'before' } : {}),
  };
}

/** Blocks laid out together: moved whole to the next page rather than split (a heading and its first block). */
function keep(...blocks: Content[]): Content {
  return { stack: blocks, unbreakable: true };
}

/** Tables of at most this many rows move whole to the next page with their caption rather than split. */
const SHORT_TABLE = 14;

/** pdfmake's light horizontal lines, with the gap between columns the layout chose. */
function lines(padding: number): Record<string, unknown> {
  return {
    hLineWidth: (i: number, node: { table: { body: unknown[]; headerRows: number } }) =>
      i === 0 || i === node.table.body.length ? 0 : i === node.table.headerRows ? 2 : 1,
    vLineWidth: () => 0,
    hLineColor: (i: number) => (i === 1 ? 'black' : '#aaa'),
    paddingLeft: (i: number) => (i === 0 ? 0 : padding),
    paddingRight: (i: number, node: { table: { widths: unknown[] } }) =>
      i === node.table.widths.length - 1 ? 0 : padding,
  };
}

/**
 * A table that breaks cleanly across pages: header row repeated, rows never split, and columns
 * that fit the page (table-layout.ts).
 */
export function table(view: Table): Content {
  // Break opportunities first, so that the widths are measured on the text as pdfmake gets it.
  const rows = view.rows.map((r) => ({ header: breakable(r.header), cells: r.cells.map(breakable) }));
  const t = { ...view, rows };
  const { widths, noWrap, fontSize, padding } = tableLayout(t, WIDTH);
  return {
    ...styles.table,
    fontSize,
    table: {
      headerRows: 1,
      // The header row never ends a page alone: it goes over with the first row under it.
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        t.columns.map((c) => ({
          text: c.label,
          ...styles.tableHeader,
          alignment: c.numeric ? 'right' : 'left',
        })),
        ...t.rows.map((r) => [
          { text: r.header, bold: true, role: 'TH', scope: 'Row' },
          ...r.cells.map((c, i) => ({
            text: c,
            alignment: t.columns[i + 1]?.numeric ? 'right' : 'left',
            ...(noWrap[i + 1] ? { noWrap: true } : {}),
          })),
        ]),
      ],
    },
    layout: lines(padding),
  };
}

/** A table under its heading, kept on one page with it when short. */
function headed(title: Content, t: Table): Content[] {
  return t.rows.length <= SHORT_TABLE ? [keep(title, table(t))] : [title, table(t)];
}

/** A table under its caption, kept on one page with it when short. */
function captioned(t: Table): Content[] {
  return headed({ text: t.caption, ...styles.h3 }, t);
}

/**
 * A chart's alternate text: its headline and its description, as the SVG's title and desc say
 * (a description that opens with the headline already holds it).
 */
function alt(c: ChartView): string {
  if (c.description.startsWith(c.title)) return c.description;
  return /[.!?]$/.test(c.title) ? `${c.title} ${c.description}` : `${c.title}. ${c.description}`;
}

function chart(c: ChartView): Content[] {
  const width = Number(/width="([\d.]+)"/.exec(c.svg)?.[1] ?? WIDTH);
  const figure = { svg: svgForPdf(c.svg), width: Math.min(WIDTH, width), unbreakable: true, alt: alt(c) };
  if (c.table.rows.length === 0) return [figure];
  // The line naming the chart's data stays on the chart's page: alone at the top of the next, it
  // reads as belonging to nothing.
  return [keep(figure, { text: `Data: ${c.csv}`, ...styles.source }), ...captioned(c.table)];
}

/** Paragraphs short enough to be kept on one page with their heading and the chart after them. */
const SHORT_INTRO = 2;

function section(s: ReportSection): Content[] {
  const paragraphs = s.paragraphs.map((p) => ({ text: breakable(p), ...styles.body }));
  const [first, ...rest] = paragraphs;
  const charts = drawnSection(s).charts.map(chart);
  const [firstChart, ...moreCharts] = charts;
  // A heading and a short introduction go with the chart they introduce, so that neither is left
  // at the foot of a page with the chart on the next.
  if (firstChart && paragraphs.length <= SHORT_INTRO) {
    const [figure, ...after] = firstChart;
    return [
      keep(heading(s.heading, 1), ...paragraphs, figure as Content),
      ...after,
      ...moreCharts.flat(),
      ...s.tables.flatMap(captioned),
    ];
  }
  return [
    first ? keep(heading(s.heading, 1), first) : heading(s.heading, 1),
    ...rest,
    ...charts.flat(),
    // A section's own tables are read by their captions, as the HTML's are.
    ...s.tables.flatMap(captioned),
  ];
}

function methods(m: Methods, h: Headings): Content[] {
  return [
    heading(h.methods, 1, true),
    keep(heading(h.comparators, 2), { text: m.comparators, ...styles.body }),
    heading(h.metrics, 2),
    {
      ul: m.metrics.map((d) => ({ text: [{ text: `${d.term}: `, bold: true }, d.definition] })),
      ...styles.body,
    },
    ...headed(heading(h.nationalFigures, 2), m.sources),
    heading(h.publications, 2),
    { ul: m.citations.map((c) => ({ text: c.text, ...(c.url ? { link: c.url } : {}) })), ...styles.body },
    ...headed(heading(h.statements, 2), m.statements),
  ];
}

function frame(view: NationalView | RegionalView, content: Content[]): object {
  const date = new Date(`${view.date}T00:00:00Z`);
  return {
    pageSize: 'A4',
    pageMargins: [...PAGE_MARGINS],
    language: 'en-GB',
    // Tagged (tagged/): a structure tree, the title shown in the window, and the PDF/UA identifier
    // (pdfkit writes only the identifier; the structure is what the tagging puts in).
    tagged: true,
    displayTitle: true,
    version: '1.7',
    subset: 'PDF/UA',
    info: {
      title: view.title,
      author: view.author,
      subject: view.subject,
      keywords: view.keywords.join(', '),
      creator: 'regional-benchmarks',
      producer: 'pdfmake',
      creationDate: date,
      modDate: date,
    },
    // Arimo is given Helvetica's line of 0.925 em (fonts.ts); 1.25 brings the leading back to what
    // the layout was drawn for (Roboto's 1.17), and body text gets a little more.
    defaultStyle: { font: BODY_FONT, fontSize: 10, lineHeight: 1.25 },
    header: (page: number) =>
      page === 1 ? null : { text: view.title, ...styles.meta, margin: [40, 20, 40, 0] },
    footer: (page: number, pages: number) => ({
      text: view.headings.page
        .replace(PAGE_FIELDS.page, String(page))
        .replace(PAGE_FIELDS.pages, String(pages)),
      alignment: 'center',
      ...styles.meta,
      margin: [0, 15, 0, 0],
    }),
    content,
  };
}

/** The cover details as a band: one column per detail, its label above its value. */
function band(g: GlanceView): Content {
  return {
    fontSize: 8,
    margin: [0, 8, 0, 0],
    table: {
      headerRows: 1,
      widths: g.band.map(() => '*'),
      body: [
        g.band.map((b) => ({
          text: b.label,
          color: '#383f43',
          fillColor: '#f3f2f1',
          role: 'TH',
          scope: 'Column',
        })),
        g.band.map((b) => ({ text: breakable(b.value), bold: true, fillColor: '#f3f2f1' })),
      ],
    },
    layout: 'noBorders',
  };
}

/** The first page's table: laid out as every table is, each rated cell filled with its rating's tint. */
function glanceTable(g: GlanceView): Content {
  const t = table({
    caption: g.title,
    columns: g.columns,
    rows: g.rows.map((r) => ({ header: r.header, cells: r.cells.map((c) => c.text) })),
  }) as { table: { body: Array<Array<Record<string, unknown>>> } };
  g.rows.forEach((r, i) => {
    r.cells.forEach((c, j) => {
      const node = t.table.body[i + 1]?.[j + 1];
      if (c.rating && node) node.fillColor = g.fills[c.rating];
    });
  });
  return t as Content;
}

/**
 * The first page: the title, the cover details in a band, and the report at a glance, so that a
 * reader who reads one page has read where things stand.
 */
function firstPage(view: NationalView | RegionalView): Content[] {
  const g = view.glance;
  return [
    { text: view.title, ...styles.h1, role: 'H1' },
    { text: view.subtitle, ...styles.subtitle },
    band(g),
    { text: g.heading, ...styles.h2, role: 'H2' },
    { text: g.title, ...styles.caption },
    glanceTable(g),
    ...g.notes.map((n) => ({ text: breakable(n), ...styles.source, margin: [0, 4, 0, 0] })),
  ];
}

function cover(view: NationalView | RegionalView, extra: Content[]): Content[] {
  return [
    ...firstPage(view),
    // The report flows on below the glance rather than from a new page: a page break here left
    // the summary's chart no room on page 2, and so half of it blank.
    ...extra,
    // No contents page: every top-level heading is a bookmark (heading()), and the outline serves.
  ];
}

export function nationalPdf(view: NationalView): object {
  return frame(view, [
    ...cover(
      view,
      view.intro.map((p) => ({ text: p, ...styles.body })),
    ),
    keep(heading(view.headings.keyFindings, 1), { ul: view.keyFindings.map(breakable), ...styles.body }),
    ...view.sections.flatMap((s) => section(s)),
    keep(heading(view.headings.dataQuality, 1), { text: view.quality.summary, ...styles.body }),
    table(view.quality.documents),
    table(view.quality.diagnostics),
    ...methods(view.methods, view.headings),
  ]);
}

export function regionalPdf(view: RegionalView): object {
  return frame(view, [
    // The directors are named by the introduction and the source document by the first page's
    // band: said again here they would push the summary's chart off its page.
    ...cover(
      view,
      view.intro.map((p) => ({ text: p, ...styles.body, margin: [0, 10, 0, 0] })),
    ),
    heading(view.headings.summary, 1),
    heading(view.headings.thingsToKnow, 2),
    { ul: view.thingsToKnow.map(breakable), ...styles.body },
    ...chart(view.spine),
    ...view.sections.flatMap((s) => section(s)),
    heading(view.headings.themes, 1),
    ...view.themes.flatMap((t) => [
      keep(heading(t.heading, 2), { text: t.counts, ...styles.body }),
      ...(t.inferred ? [{ text: t.inferred, ...styles.caption }] : []),
      heading(view.headings.commitments, 3),
      {
        ul: t.commitments.map((q) => ({
          text: [`“${breakable(q.text)}” `, { text: q.source, ...inline(styles.source) }],
        })),
        ...styles.body,
      },
      heading(view.headings.progress, 3),
      {
        ul: t.progress.map((q) => ({
          text: [`“${breakable(q.text)}” `, { text: q.source, ...inline(styles.source) }],
        })),
        ...styles.body,
      },
    ]),
    ...chart(view.themesChart),
    ...section(view.attainment),
    ...section(view.practice),
    ...methods(view.methods, view.headings),
  ]);
}

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { nationalPdf, regionalPdf, renderPdf } from '../../src/render/index.ts';
import { PDFMAKE_VERSION } from '../../src/render/pdf/tagged/pdfmake-internals.ts';
import type { NationalView, RegionalView } from '../../src/render/view/schema.ts';
import { tempDir } from '../helpers/cli.ts';
import { readPdf, seedReportViews } from '../helpers/pdf.ts';
import {
  type Marked,
  markedContent,
  type StructNode,
  structureTree,
  textOf,
  walk,
} from '../helpers/pdf-structure.ts';

const require = createRequire(import.meta.url);
type Node = Record<string, unknown>;

/** What a document definition holds, in the order it reads: what the structure tree must hold. */
function expected(definition: object) {
  const headings: { role: string; text: string }[] = [];
  const alts: string[] = [];
  const contents: string[] = [];
  let tables = 0;
  let rows = 0;
  const headerRows: string[][] = [];
  let lists = 0;
  let links = 0;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as Node;
    if (typeof node.role === 'string' && /^H\d$/.test(node.role))
      headings.push({ role: node.role, text: String(node.text) });
    if (node.outline === true) contents.push(String(node.text));
    if (typeof node.svg === 'string') alts.push(String(node.alt));
    if (typeof node.link === 'string') links++;
    if (node.ul || node.ol) lists++;
    const table = node.table as { body: unknown[][] } | undefined;
    if (table) {
      tables++;
      rows += table.body.length;
      headerRows.push((table.body[0] ?? []).map((cell) => String((cell as Node).text).replace(/\s+/g, ' ')));
    }
    for (const key of ['content', 'stack', 'ul', 'ol', 'columns', 'text']) visit(node[key]);
    if (table) visit(table.body);
    visit((node.toc as Node | undefined)?.title);
  };
  visit((definition as Node).content);
  return { headings, alts, contents, tables, rows, headerRows, lists, links };
}

const definitionOf = (view: NationalView | RegionalView) =>
  view.kind === 'national' ? nationalPdf(view) : regionalPdf(view);

describe('pdfmake is the version the tagging was written against', () => {
  it('is installed and pinned at exactly that version: upgrading it means re-running these tests first', () => {
    const installed = require('pdfmake/package.json') as { version: string };
    const ours = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(installed.version).toBe(PDFMAKE_VERSION);
    expect(ours.dependencies.pdfmake).toBe(PDFMAKE_VERSION);
  });
});

describe('tagged PDFs of the seeds (summary and a pack)', () => {
  const reports: {
    name: string;
    definition: object;
    tree: StructNode;
    marked: Marked;
    tagged: Awaited<ReturnType<typeof readPdf>>;
    untagged: Awaited<ReturnType<typeof readPdf>>;
  }[] = [];

  beforeAll(async () => {
    const views = await seedReportViews();
    const chosen = [views.find((v) => v.kind === 'national'), views.find((v) => v.kind === 'regional')];
    const dir = tempDir();
    for (const view of chosen) {
      if (!view) throw new Error('the seeds give a summary and packs');
      const name = view.path.replace(/\W+/g, '-');
      const tagged = join(dir, `${name}-tagged.pdf`);
      const untagged = join(dir, `${name}-untagged.pdf`);
      writeFileSync(tagged, await renderPdf(definitionOf(view)));
      writeFileSync(untagged, await renderPdf({ ...definitionOf(view), tagged: false, subset: undefined }));
      reports.push({
        name,
        definition: definitionOf(view),
        tree: structureTree(tagged),
        marked: await markedContent(tagged),
        tagged: await readPdf(tagged),
        untagged: await readPdf(untagged),
      });
    }
  }, 240_000);

  it('hold every heading, in the order the document reads, with its text and level', () => {
    for (const { name, definition, tree, marked } of reports) {
      const found = [...walk(tree)]
        .filter((n) => /^H\d$/.test(n.role))
        .map((n) => ({ role: n.role, text: textOf(n, marked.texts) }));
      expect(found.length, name).toBeGreaterThan(10);
      expect(found, name).toEqual(
        expected(definition).headings.map((h) => ({ role: h.role, text: h.text.replace(/\s+/g, ' ') })),
      );
    }
  });

  it('hold every table with all its rows once (header rows repeated on later pages are artifacts), headers scoped', () => {
    for (const { name, definition, tree, marked } of reports) {
      const want = expected(definition);
      const tables = [...walk(tree)].filter((n) => n.role === 'Table');
      expect(tables, name).toHaveLength(want.tables);
      const rows = tables.flatMap((t) => t.children.filter((c) => 'role' in c && c.role === 'TR'));
      expect(rows, name).toHaveLength(want.rows);
      // Each header row read once, whatever the pages it is drawn on.
      const heads = tables.map((t) => t.children[0] as StructNode);
      for (const head of heads) expect(head.children.every((c) => 'role' in c && c.role === 'TH')).toBe(true);
      expect(
        heads.map((head) => head.children.map((cell) => textOf(cell as StructNode, marked.texts))),
        name,
      ).toEqual(want.headerRows);
    }
  });

  it('hold every chart as a figure whose alternate text is its headline and description', () => {
    for (const { name, definition, tree, marked } of reports) {
      const want = expected(definition).alts;
      const figures = [...walk(tree)].filter((n) => n.role === 'Figure');
      expect(want.length, name).toBeGreaterThan(0);
      expect(figures, name).toHaveLength(want.length);
      expect(figures.every((f) => f.hasAlt && f.children.length > 0)).toBe(true);
      expect(new Set(marked.figureAlts), name).toEqual(new Set(want));
      for (const alt of want) expect(alt.length).toBeGreaterThan(40);
    }
  });

  it('hold the lists and the links (with their annotations); no contents page, the top-level headings are the bookmarks', () => {
    for (const { name, definition, tree, marked } of reports) {
      const want = expected(definition);
      const all = [...walk(tree)];
      expect(
        all.filter((n) => n.role === 'L'),
        name,
      ).toHaveLength(want.lists);
      expect(
        all.filter((n) => n.role === 'TOCI'),
        name,
      ).toEqual([]);
      expect(want.contents.length, name).toBeGreaterThan(3);
      const links = all.filter((n) => n.role === 'Link');
      expect(links, name).toHaveLength(want.links);
      for (const link of links) expect(link.children.some((c) => 'annotation' in c)).toBe(true);
      expect(marked.outline, name).toEqual(want.contents);
    }
  });

  it('leave no drawing outside marked content, and keep running headers and page numbers out of the tree', () => {
    for (const { name, tree, marked, tagged } of reports) {
      expect(marked.drawn, name).toBeGreaterThan(1000);
      expect(marked.unmarked, name).toBe(0);
      const read = textOf(tree, marked.texts);
      expect(tagged.text).toMatch(/Page 2 of \d+/);
      expect(read).not.toMatch(/Page \d+ of \d+/);
    }
  });

  it('read the same text as the untagged PDF of the same document, page by page', () => {
    for (const { name, tagged, untagged } of reports) {
      expect(tagged.pages, name).toBe(untagged.pages);
      expect(tagged.pageTexts, name).toEqual(untagged.pageTexts);
    }
  });
});

describe('roles come from the nodes: a builder tags new content by setting a role', () => {
  it('contents entries are references, numbered lists get labels, tables header cells, a role names the element, Artifact keeps a node out', async () => {
    const path = join(tempDir(), 'roles.pdf');
    const definition = {
      tagged: true,
      header: () => ({ text: 'running header' }),
      content: [
        { toc: { title: { text: 'Contents', role: 'H1' } } },
        { text: 'A heading', role: 'H2', tocItem: true },
        { stack: ['first paragraph', 'second paragraph'] },
        { ol: ['one', { stack: ['two', 'two more'] }] },
        { text: 'drawn only', role: 'Artifact' },
        { canvas: [{ type: 'rect', x: 0, y: 0, w: 10, h: 10, color: 'red' }] },
        {
          table: {
            headerRows: 1,
            body: [
              ['Region', 'Value'],
              [{ text: 'North East', role: 'TH', scope: 'Row' }, '14%'],
            ],
          },
        },
        { text: 'Table 1: a caption', role: 'Caption' },
      ],
    };
    writeFileSync(path, await renderPdf(definition));
    const tree = structureTree(path);
    const { texts, unmarked } = await markedContent(path);
    const shape = (node: StructNode): unknown => {
      const kids = node.children.filter((c): c is StructNode => 'role' in c);
      return kids.length === 0 ? `${node.role}: ${textOf(node, texts)}` : { [node.role]: kids.map(shape) };
    };
    expect(shape(tree)).toEqual({
      Document: [
        'H1: Contents',
        { TOC: [{ TOCI: [{ Reference: ['Link: A heading 1'] }] }] },
        'H2: A heading',
        'P: first paragraph',
        'P: second paragraph',
        {
          L: [{ LI: ['Lbl: 1.', 'LBody: one'] }, { LI: ['Lbl: 2.', 'LBody: two two more'] }],
        },
        {
          Table: [{ TR: ['TH: Region', 'TH: Value'] }, { TR: ['TH: North East', 'TD: 14%'] }],
        },
        'Caption: Table 1: a caption',
      ],
    });
    expect(unmarked).toBe(0);
    await expect(renderPdf({ tagged: true, content: [{ text: 'x', role: 'Heading' }] })).rejects.toThrow();
  });
});

describe("the seeds' built PDFs", () => {
  const files = () => {
    const out = inject('seedsBuild');
    return ['national/summary.pdf', 'regions/north-east/pack.pdf', 'regions/south-west/pack.pdf'].map((f) =>
      join(out, f),
    );
  };

  it('are PDF 1.7, tagged, in British English, show their title, and carry the PDF/UA identifier', () => {
    for (const file of files()) {
      const bytes = readFileSync(file).toString('latin1');
      expect(bytes.startsWith('%PDF-1.7\n'), file).toBe(true);
      expect(bytes).toContain('/Marked true');
      expect(bytes).toContain('/StructTreeRoot');
      expect(bytes).toContain('/Lang (en-GB)');
      expect(bytes).toContain('/DisplayDocTitle true');
      expect(bytes).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    }
  });

  it('embed every font they use, subset', () => {
    for (const file of files()) {
      const bytes = readFileSync(file).toString('latin1');
      const descriptors = [...bytes.matchAll(/\/Type \/FontDescriptor\n([\s\S]*?)\n>>/g)].map(
        (m) => m[1] ?? '',
      );
      expect(descriptors.length, file).toBeGreaterThanOrEqual(2);
      for (const descriptor of descriptors) {
        expect(descriptor).toMatch(/\/FontName \/[A-Z]{6}\+Arimo-/);
        expect(descriptor).toMatch(/\/FontFile2 \d+ 0 R/);
      }
      // A font dictionary with no descriptor would be one of the standard fonts, not embedded.
      const fonts = [...bytes.matchAll(/\/Type \/Font\n\/Subtype \/(\w+)/g)].map((m) => m[1]);
      expect(
        fonts.every((subtype) => subtype === 'Type0' || subtype === 'CIDFontType2'),
        file,
      ).toBe(true);
    }
  });
});

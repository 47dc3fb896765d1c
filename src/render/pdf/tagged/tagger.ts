import type { PdfNode } from './pdfmake-internals.ts';
import { type ArtifactType, inferRole, tagProperties } from './roles.ts';
import { Element, type Tag } from './tree.ts';

interface Table {
  cells: Map<unknown, { row: number; col: number }>;
  headerRows: number;
  rows: Element[];
  /** The contents' entries: each row is an entry (TOCI) holding one reference, not a table row. */
  contents: boolean;
}

/** A node being laid out, and where what it draws is read. */
interface Frame {
  node: PdfNode;
  /** The element its content goes into; null while it is an artifact. */
  element: Element | null;
  artifact?: ArtifactType;
  table?: Table;
  list?: boolean;
  toc?: boolean;
}

const LAYOUT = { artifact: 'Layout' } as const;

function tableOf(node: PdfNode, contents: boolean): Table {
  const table = node.table as { body: unknown[][]; headerRows?: number };
  const cells = new Map<unknown, { row: number; col: number }>();
  table.body.forEach((cellsOfRow, row) => {
    cellsOfRow.forEach((cell, col) => {
      cells.set(cell, { row, col });
    });
  });
  return { cells, headerRows: table.headerRows ?? 0, rows: [], contents };
}

/**
 * Follows layout through the document (enter and leave each node as pdfmake lays it out) and
 * answers, for each line or drawing placed, where it is read: the structure tree grows here, in
 * the order layout meets the nodes, which is the order the document reads.
 */
export class Tagger {
  readonly root = new Element('Document', null);
  private readonly stack: Frame[] = [];

  private top(): Frame {
    return this.stack.at(-1) ?? { node: {}, element: this.root };
  }

  enter(node: PdfNode): void {
    const parent = this.top();
    const frame = parent.element ? this.frameFor(node, parent, parent.element) : { node, element: null };
    if (!frame.element) frame.artifact ??= parent.artifact ?? 'Layout';
    this.stack.push(frame);
  }

  leave(): void {
    this.stack.pop();
  }

  /** Runs `layout` with everything it draws an artifact of this type (headers, footers, backgrounds). */
  within<T>(artifact: ArtifactType, layout: () => T): T {
    this.stack.push({ node: {}, element: null, artifact });
    try {
      return layout();
    } finally {
      this.stack.pop();
    }
  }

  private frameFor(node: PdfNode, parent: Frame, within: Element): Frame {
    const props = tagProperties(node);
    if (props.role === 'Artifact') return { node, element: null, artifact: 'Layout' };
    const cell = parent.table?.cells.get(node);
    if (parent.table && cell)
      return { node, element: this.cell(parent.table, within, cell.row, node, props) };
    // Every node laid out straight inside a list is one of its items.
    if (parent.list) return { node, element: within.child('LI').child('LBody') };
    if (parent.toc && node === (parent.node.toc as PdfNode)._table)
      return { node, element: within.child('TOC'), table: tableOf(node, true) };
    // The contents' title is read before the entries, as a heading of its own: the TOC element
    // holds only the entries, made when they are met.
    if (node.toc) return { node, element: within, toc: true };
    const inferred = inferRole(node, within.role);
    if (props.role === undefined && inferred.kind === 'artifact')
      return { node, element: null, artifact: 'Layout' };
    if (props.role === undefined && inferred.kind === 'transparent') return { node, element: within };
    const role = props.role ?? (inferred.kind === 'element' ? inferred.role : 'Div');
    const attributes =
      props.role === undefined && inferred.kind === 'element' ? inferred.attributes : undefined;
    const element = within.child(role, attributes, props.alt);
    if (role === 'Table' && node.table) return { node, element, table: tableOf(node, false) };
    return { node, element, list: role === 'L' && Boolean(node.ul || node.ol) };
  }

  private cell(
    table: Table,
    within: Element,
    row: number,
    cellNode: PdfNode,
    props: ReturnType<typeof tagProperties>,
  ): Element {
    if (table.contents) {
      const entry = table.rows[row] ?? within.child('TOCI');
      table.rows[row] = entry;
      return (entry.children[0] as Element | undefined) ?? entry.child('Reference');
    }
    const tr = table.rows[row] ?? within.child('TR');
    table.rows[row] = tr;
    const header = row < table.headerRows;
    const role = props.role ?? (header ? 'TH' : 'TD');
    const spans = {
      ...(Number(cellNode.colSpan) > 1 ? { ColSpan: cellNode.colSpan } : {}),
      ...(Number(cellNode.rowSpan) > 1 ? { RowSpan: cellNode.rowSpan } : {}),
    };
    const scope = role === 'TH' ? { Scope: props.scope ?? (header ? 'Column' : 'Row') } : {};
    const attributes = { ...scope, ...spans };
    return tr.child(role, Object.keys(attributes).length > 0 ? { O: 'Table', ...attributes } : undefined);
  }

  /** Where a line of text placed now is read. */
  lineTag(): Tag {
    const { element, artifact } = this.top();
    return element ? element.slot() : { artifact: artifact ?? 'Layout' };
  }

  /** A list item's label (its number), placed beside the item's first line: read before the item. */
  labelTag(): Tag {
    const { element, artifact } = this.top();
    const item = element?.closest('LI');
    if (!item) return { artifact: artifact ?? 'Layout' };
    const first = item.children[0];
    const label = first instanceof Element && first.role === 'Lbl' ? first : item.firstChild('Lbl');
    return label.slot();
  }

  /** Drawn shapes (rules, borders, bullets, fills) are decoration, unless a node said it is a figure. */
  vectorTag(): Tag {
    const { element } = this.top();
    return element?.role === 'Figure' ? element.slot() : LAYOUT;
  }

  /** An SVG or image placed now: read as its figure's content. */
  figureTag(): Tag {
    return this.lineTag();
  }
}

import { readFileSync } from 'node:fs';

/**
 * A PDF's structure tree read back two ways, neither of them the code that wrote it: the whole
 * tree from the file's own objects (pdfkit writes dictionaries uncompressed), and, per page,
 * pdfjs-dist's view of it (getStructTree, which decodes alternate text) with the text of each
 * marked-content sequence, so that an element's text can be read as a screen reader would.
 */
export interface StructNode {
  role: string;
  /** Element children, marked content (as pdfjs names it: p<page object>R_mc<MCID>) and annotations. */
  children: (StructNode | { content: string } | { annotation: number })[];
  hasAlt: boolean;
}

const OBJECT = /(\d+) 0 obj\n<<\n\/S \/(\w+)\n([\s\S]*?)\n>>\nendobj/g;
const KIDS = /(\d+) 0 R|<<([\s\S]*?)>>|(\d+)/g;

/** The document's structure tree, from its Document element down, in the order it is read. */
export function structureTree(path: string): StructNode {
  const bytes = readFileSync(path).toString('latin1');
  const raw = new Map<number, { role: string; body: string }>();
  for (const [, id, role, body] of bytes.matchAll(OBJECT))
    raw.set(Number(id), { role: role ?? '', body: body ?? '' });
  const build = (id: number): StructNode => {
    const { role, body } = raw.get(id) ?? { role: '?', body: '' };
    const page = /\/Pg (\d+) 0 R/.exec(body.replace(/\/K \[[\s\S]*\]/, ''))?.[1];
    const kids = /\/K (\[[\s\S]*\]|\d+(?: 0 R)?)/.exec(body)?.[1] ?? '';
    const children: StructNode['children'] = [];
    for (const [, ref, dict, mcid] of kids.matchAll(KIDS)) {
      if (ref !== undefined) children.push(build(Number(ref)));
      else if (mcid !== undefined) children.push({ content: `p${page}R_mc${mcid}` });
      else if (dict?.includes('/Type /OBJR'))
        children.push({ annotation: Number(/\/Obj (\d+)/.exec(dict)?.[1]) });
      else if (dict?.includes('/Type /MCR'))
        children.push({ content: `p${/\/Pg (\d+)/.exec(dict)?.[1]}R_mc${/\/MCID (\d+)/.exec(dict)?.[1]}` });
    }
    return { role, children, hasAlt: /\n\/Alt [(<]/.test(`\n${body}`) };
  };
  const root = [...raw.entries()].find(([, o]) => o.role === 'Document');
  if (!root) throw new Error(`${path}: no Document element in the structure tree`);
  return build(root[0]);
}

export function* walk(node: StructNode): Generator<StructNode> {
  yield node;
  for (const child of node.children) if ('role' in child) yield* walk(child);
}

export interface Marked {
  /** Text of each marked-content sequence, by pdfjs's id. */
  texts: Map<string, string>;
  /** Drawing operators (text, paths, images, forms) outside any marked-content sequence. */
  unmarked: number;
  /** Drawing operators in all. */
  drawn: number;
  /** Alternate text of every Figure on every page, as pdfjs reads it. */
  figureAlts: string[];
  outline: string[];
}

const DRAWING = new Set([
  'showText',
  'showSpacedText',
  'nextLineShowText',
  'nextLineSetSpacingShowText',
  'fill',
  'eoFill',
  'stroke',
  'fillStroke',
  'eoFillStroke',
  'closeStroke',
  'closeFillStroke',
  'closeEOFillStroke',
  'constructPath',
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintFormXObjectBegin',
  'shadingFill',
]);

interface PdfjsStruct {
  role?: string;
  alt?: string;
  children?: PdfjsStruct[];
}

/** What pdfjs-dist reads of the marked content, alternate text and bookmarks of a PDF. */
export async function markedContent(path: string): Promise<Marked> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const names = new Map(Object.entries(pdfjs.OPS).map(([name, code]) => [code as number, name]));
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(path)),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const texts = new Map<string, string>();
  const figureAlts: string[] = [];
  let unmarked = 0;
  let drawn = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const open: (string | null)[] = [];
    for (const item of content.items) {
      if ('type' in item && item.type === 'beginMarkedContentProps') open.push(item.id ?? null);
      else if ('type' in item && item.type === 'beginMarkedContent') open.push(null);
      else if ('type' in item && item.type === 'endMarkedContent') open.pop();
      else if ('str' in item) {
        const id = open.findLast((o) => o !== null);
        if (id) texts.set(id, `${texts.get(id) ?? ''}${item.str}${item.hasEOL ? ' ' : ''}`);
      }
    }
    const operators = await page.getOperatorList();
    let depth = 0;
    for (const code of operators.fnArray) {
      const name = names.get(code);
      if (name === 'beginMarkedContent' || name === 'beginMarkedContentProps') depth++;
      else if (name === 'endMarkedContent') depth--;
      else if (name && DRAWING.has(name)) {
        drawn++;
        if (depth === 0) unmarked++;
      }
    }
    const visit = (node: PdfjsStruct) => {
      if (node.role === 'Figure') figureAlts.push(node.alt ?? '');
      for (const child of node.children ?? []) visit(child);
    };
    const tree = (await page.getStructTree()) as PdfjsStruct | null;
    if (tree) visit(tree);
  }
  const outline = ((await doc.getOutline()) ?? []).map((item) => item.title);
  await doc.destroy();
  return { texts, unmarked, drawn, figureAlts, outline };
}

/** An element's text as read: its marked content in order, whitespace made single. */
export function textOf(node: StructNode, texts: Map<string, string>): string {
  const parts: string[] = [];
  const visit = (n: StructNode) => {
    for (const child of n.children) {
      if ('role' in child) visit(child);
      else if ('content' in child) parts.push(texts.get(child.content) ?? '');
    }
  };
  visit(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

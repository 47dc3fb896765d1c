import { FALLBACK_FONT, fontRuns, ZERO_WIDTH_FONT } from './fonts.ts';

type Node = Record<string, unknown>;

// Where pdfmake content nests further content: the same walk reaches every string in a document.
const CONTAINERS = ['stack', 'ul', 'ol', 'columns'] as const;

/**
 * A pdfmake document's content with every string that Helvetica cannot fully draw split into
 * runs as `fontRuns` says (fonts.ts). Done once over the whole document rather
 * than at each place a string is put in, so no string can be missed. pdfmake does not pass a
 * parent inline's style to nested inlines, so each run carries its inline's properties itself.
 */
export function withFallbackFont<T>(content: T): T {
  return walk(content) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') {
    const text = textValue(value);
    return typeof text === 'string' ? text : { text };
  }
  if (Array.isArray(value)) return value.map(walk);
  if (value === null || typeof value !== 'object') return value;
  const node = { ...(value as Node) };
  if (typeof node.text === 'string') node.text = textValue(node.text);
  else if (Array.isArray(node.text)) node.text = node.text.flatMap(inline);
  for (const key of CONTAINERS) if (Array.isArray(node[key])) node[key] = node[key].map(walk);
  const { table, toc } = node;
  if (isNode(table) && Array.isArray(table.body)) node.table = { ...table, body: table.body.map(walk) };
  if (isNode(toc) && toc.title !== undefined) node.toc = { ...toc, title: walk(toc.title) };
  return node;
}

function inline(item: unknown): unknown[] {
  if (typeof item === 'string') return pieces(item, {});
  if (!isNode(item)) return [item];
  const { text, ...props } = item;
  if (typeof text === 'string') return pieces(text, props);
  if (Array.isArray(text))
    return text.flatMap(inline).map((i) => (isNode(i) ? { ...props, ...i } : { ...props, text: i }));
  return [item];
}

function pieces(text: string, props: Node): unknown[] {
  const plain = Object.keys(props).length === 0;
  return fontRuns(text).map((run) => {
    if (run.kind === 'fallback') return { ...props, text: run.text, font: FALLBACK_FONT };
    if (run.kind === 'zero-width') return { ...props, text: run.text, font: ZERO_WIDTH_FONT, fontSize: 1 };
    return plain ? run.text : { ...props, text: run.text };
  });
}

/** A string Helvetica draws as it is stays a string; any other becomes its runs. */
function textValue(text: string): string | unknown[] {
  const runs = pieces(text, {});
  return runs.length === 1 && runs[0] === text ? text : runs;
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

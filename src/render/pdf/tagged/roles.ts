import { z } from 'zod';
import type { PdfNode } from './pdfmake-internals.ts';

/**
 * What a pdfmake node may say about its place in the structure tree. A builder sets these where
 * it makes the node (document.ts); a node that sets none gets the role its kind implies (inferRole).
 */
export const TagPropertiesSchema = z
  .object({
    role: z
      .enum([
        'H1',
        'H2',
        'H3',
        'H4',
        'P',
        'Caption',
        'BlockQuote',
        'Note',
        'Div',
        'Sect',
        'Figure',
        'TH',
        'TD',
      ])
      .or(z.literal('Artifact'))
      .optional()
      .describe('the structure element the node becomes; Artifact: drawn, not read (decoration)'),
    alt: z
      .string()
      .optional()
      .describe("a figure's alternate text: what a reader hears instead of the drawing"),
    scope: z.enum(['Row', 'Column', 'Both']).optional().describe('a header cell: the cells it heads'),
  })
  .describe('tagging properties of a pdfmake node');
export type TagProperties = z.infer<typeof TagPropertiesSchema>;
export type Role = Exclude<TagProperties['role'], undefined | 'Artifact'>;

/** Artifact types (ISO 32000-1, 14.8.2.2): what kind of thing is drawn but not read. */
export type ArtifactType = 'Pagination' | 'Layout' | 'Background';

/** Elements whose text is their own content: a text node inside one adds no paragraph. */
export const HOLDS_TEXT = new Set([
  'H1',
  'H2',
  'H3',
  'H4',
  'P',
  'Caption',
  'Note',
  'TH',
  'TD',
  'LBody',
  'Lbl',
  'Reference',
  'Link',
]);

/** The tag properties a node sets, checked: a wrong value is a bug in a builder, so it throws. */
export function tagProperties(node: PdfNode): TagProperties {
  if (node.role === undefined && node.alt === undefined && node.scope === undefined) return {};
  return TagPropertiesSchema.parse({ role: node.role, alt: node.alt, scope: node.scope });
}

export type Inferred =
  | { kind: 'element'; role: string; attributes?: Record<string, unknown> }
  | { kind: 'artifact' }
  | { kind: 'transparent' };

/**
 * The element a node's kind implies, inside an element of role `within`: tables, lists, figures
 * and paragraphs; drawings are decoration; stacks and columns only group, adding no element.
 */
export function inferRole(node: PdfNode, within: string): Inferred {
  if (node.table) return { kind: 'element', role: 'Table' };
  if (node.ul) return { kind: 'element', role: 'L', attributes: { O: 'List', ListNumbering: 'Disc' } };
  if (node.ol) return { kind: 'element', role: 'L', attributes: { O: 'List', ListNumbering: 'Decimal' } };
  if (node.svg || node.image) return { kind: 'element', role: 'Figure' };
  if (node.canvas || node.qr) return { kind: 'artifact' };
  if (node.text !== undefined)
    return HOLDS_TEXT.has(within) ? { kind: 'transparent' } : { kind: 'element', role: 'P' };
  return { kind: 'transparent' };
}

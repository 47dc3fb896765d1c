import { z } from 'zod';
import { escapeControls } from '../format/terminal.ts';

export const DiagnosticLevelSchema = z
  .enum(['error', 'warning', 'info'])
  .describe('error stops a build; warning and info are reported and published with the data');

export const DiagnosticSchema = z
  .object({
    code: z.string().describe('stable kebab-case identifier, e.g. target-unreadable'),
    level: DiagnosticLevelSchema,
    message: z.string().describe('what was expected, what was found, and how to fix it'),
    file: z.string().describe('input file the diagnostic is about, relative to the input folder'),
    line: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('1-based line in that file, when one applies; in a PDF, the line on `page`'),
    page: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('in a PDF, the page the line is on (lines counted as `extract` numbers them)'),
  })
  .strict();

export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type DiagnosticLevel = z.infer<typeof DiagnosticLevelSchema>;

export function diagnostic(
  level: DiagnosticLevel,
  code: string,
  file: string,
  line: number | undefined,
  message: string,
): Diagnostic {
  return line === undefined ? { code, level, message, file } : { code, level, message, file, line };
}

/**
 * Where a diagnostic points: `file:line` for a text file, the form editors and CI annotators
 * understand; `file, page 4, line 12` in a PDF, which no editor opens at a line, so it says what
 * a reader looks for. Control characters in the file name are escaped (`\u001B`).
 */
export function diagnosticWhere(d: Diagnostic): string {
  const file = escapeControls(d.file);
  if (d.page !== undefined) return `${file}, page ${d.page}${d.line === undefined ? '' : `, line ${d.line}`}`;
  return d.line === undefined ? file : `${file}:${d.line}`;
}

/**
 * `where: level: message [code]` (`file:line` or `file, page 4, line 12`, see diagnosticWhere).
 * Messages quote documents, so their control characters are escaped too: one line per
 * diagnostic, and nothing a terminal would act on.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${diagnosticWhere(d)}: ${d.level}: ${escapeControls(d.message)} [${escapeControls(d.code)}]`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.level === 'error');
}

const levelOrder: Record<DiagnosticLevel, number> = { error: 0, warning: 1, info: 2 };

/** Stable order so that printed and published diagnostics never depend on processing order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file, 'en') ||
      (a.page ?? 0) - (b.page ?? 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      levelOrder[a.level] - levelOrder[b.level] ||
      a.code.localeCompare(b.code, 'en') ||
      a.message.localeCompare(b.message, 'en'),
  );
}

import type { Diagnostic } from '../model/index.ts';

/** What a build or watch reports as it goes: printed for people, or one JSON line each with --json. */
export type BuildEvent =
  | ({ event: 'diagnostic' } & Diagnostic)
  | { event: 'document'; file: string; region: string; edition: number }
  | { event: 'reference'; file: string; origin: 'option' | 'input' | 'project'; version: string | null }
  | { event: 'chart'; id: string; status: 'rendered' | 'reused' }
  | { event: 'report'; path: string; status: 'rendered' | 'reused' | 'kept' }
  | {
      event: 'published';
      /** 0, or 1 when --keep-going left documents out (named in left_out). */
      exit: 0 | 1;
      out: string;
      plans: number;
      files: number;
      rendered: string[];
      reused: number;
      kept: number;
      errors: number;
      warnings: number;
      notes: number;
      /** --keep-going: the documents left out, each with its first error. Absent when none was. */
      left_out?: Array<{ file: string; page?: number; line?: number; message: string }>;
    }
  | { event: 'up-to-date'; exit: 0; out: string; plans: number }
  | {
      event: 'failed';
      /** The exit code the run ends with. */
      exit: number;
      /** Null when the command line could not be read that far. */
      out: string | null;
      message: string;
      errors: number;
      warnings: number;
      notes: number;
      /** The run was ended by an error its caller prints; on a terminal it is not printed twice. */
      thrown?: true;
    }
  | { event: 'watching'; input: string; out: string }
  | { event: 'changed'; files: string[] }
  | { event: 'stopped'; exit: number };

/** The events one of which ends every build (and, for watch, every build it runs). */
export const FINAL_EVENTS: ReadonlySet<BuildEvent['event']> = new Set(['published', 'up-to-date', 'failed']);

export type Emit = (event: BuildEvent) => void;

export function diagnosticEvents(diagnostics: readonly Diagnostic[], emit: Emit): void {
  for (const d of diagnostics) emit({ event: 'diagnostic', ...d });
}

export function tallyOf(diagnostics: readonly Diagnostic[]) {
  const count = (level: Diagnostic['level']) => diagnostics.filter((d) => d.level === level).length;
  return { errors: count('error'), warnings: count('warning'), notes: count('info') };
}

import {
  cite,
  type Diagnostic,
  diagnostic,
  type Location,
  lineOfPage,
  locateInPages,
  measureById,
  type PageMap,
  type Plan,
  READINGS_FILE,
  type Reading,
  ReadingsFileSchema,
  type SectionId,
  sectionById,
  type Target,
} from '../model/index.ts';
import { readJsonFile } from './json-lines.ts';
import type { ParsedDocument } from './parse-plan.ts';
import type { AssembledSection } from './sections.ts';
import { cleanText } from './text.ts';
import type { Token } from './tokens.ts';

/** A reading with the line of readings.json it starts on, to name it in messages. */
export interface LocatedReading {
  reading: Reading;
  /** Line of readings.json where the entry starts. */
  at: number;
}

/**
 * A target sentence the reader could not read: the error it raised, the sentence as the reader
 * saw it, and the section it stands in. The error is replaced where an analyst's reading of the
 * same sentence is given; `validate` prints an entry to fill in for each one left.
 */
export interface UnreadTarget {
  error: Diagnostic;
  sentence: string;
  /** The section the sentence stands in. */
  section: SectionId;
}

export type ReadingsResult =
  | { ok: true; readings: LocatedReading[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * readings.json's text to validated readings, each with its line, or diagnostics at their lines
 * (as national-figures.json is read). A file that does not validate is refused whole: it is an
 * input of the run, like the national reference, not of one document.
 */
export function readReadings(raw: string): ReadingsResult {
  const file = READINGS_FILE;
  const read = readJsonFile(file, raw, ReadingsFileSchema, {
    code: 'readings',
    what: `${file} ({"readings": [...]})`,
    invalid: (where, found) =>
      `expected a valid reading at ${where}; found: ${found}. See the schema in src/model/readings.ts (README, "readings.json").`,
  });
  if (!read.ok) return read;
  const { data, lines } = read;
  const readings = data.readings.map((reading, i) => ({
    reading,
    at: lines.get(`readings.${i}`) ?? 1,
  }));
  const seen = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  for (const { reading, at } of readings) {
    const key = JSON.stringify([reading.file, reading.page ?? null, reading.line]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, at);
    else
      diagnostics.push(
        diagnostic(
          'error',
          'readings-invalid',
          file,
          at,
          `expected one reading per sentence; found a second for ${where(reading)} (the first is at line ${first}). Remove one of them.`,
        ),
      );
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, readings };
}

/**
 * The target sentences the reader raised an error on, found again in the document's tokens by
 * the error's line. Every error of section assembly is a target's (the rest are warnings and
 * notes), so no list of codes is kept here to fall behind the reader's.
 */
export function unreadTargets(
  sectionDiagnostics: readonly Diagnostic[],
  tokens: readonly Token[],
  sections: readonly AssembledSection[],
): UnreadTarget[] {
  const textAt = new Map<number, string>();
  for (const token of tokens) {
    if (token.type === 'list') for (const item of token.items) textAt.set(item.line, item.text);
    else if (token.type === 'paragraph') textAt.set(token.line, token.text);
  }
  const unread: UnreadTarget[] = [];
  for (const error of sectionDiagnostics) {
    if (error.level !== 'error' || error.line === undefined) continue;
    const text = textAt.get(error.line);
    if (text === undefined) continue;
    unread.push({ error, sentence: cleanText(text), section: sectionAt(sections, error.line) });
  }
  return unread;
}

/** The section a line stands in: the last heading (or repeated heading) at or before it. */
function sectionAt(sections: readonly AssembledSection[], line: number): SectionId {
  let best: { id: SectionId; line: number } | null = null;
  for (const { section } of sections) {
    for (const start of [section.line, ...section.repeatLines]) {
      if (start <= line && (best === null || start > best.line)) best = { id: section.id, line: start };
    }
  }
  return best?.id ?? (sections[0]?.section.id as SectionId);
}

/** Runs of spaces and line breaks as one space, as the reader joins wrapped lines. */
export const sameSentence = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

const pageOf = (x: object): number | undefined => {
  const page = (x as { page?: unknown }).page;
  return typeof page === 'number' ? page : undefined;
};

/**
 * The line of the parsed text a reading names. A PDF's reading gives the page and the line on it
 * that `extract` and the diagnostics print, a text file's the line alone; a reading that gives a
 * page for a text file, or none for a PDF, names no line.
 */
function textLine(r: Reading, maps: ReadonlyMap<string, PageMap>): number | undefined {
  const map = maps.get(r.file);
  if (!map) return r.page === undefined ? r.line : undefined;
  return r.page === undefined ? undefined : lineOfPage(map, { page: r.page, line: r.line });
}

/** A line of the parsed text as a reading names it: a page and a line on it in a PDF. */
function placeOf(file: string, line: number, maps: ReadonlyMap<string, PageMap>): Location {
  const map = maps.get(file);
  return map ? locateInPages(map, line) : { line };
}

/** A diagnostic or target of the parsed text (lines of that text, no page) at a reading's place. */
const at = (d: { file: string; line?: number | undefined }, r: Reading, line: number | undefined) =>
  line !== undefined && d.file === r.file && d.line === line && pageOf(d) === undefined;

function where(r: { file: string; line: number; page?: number | undefined }): string {
  return r.page === undefined ? `${r.file}:${r.line}` : `${r.file}, page ${r.page}, line ${r.line}`;
}

const sameDiagnostic = (a: Diagnostic, b: Diagnostic) =>
  a.code === b.code &&
  a.file === b.file &&
  a.line === b.line &&
  pageOf(a) === pageOf(b) &&
  a.message === b.message;

/**
 * A diagnostic at a reading's place in its document: at the parsed text's line where the reading
 * names one (the build gives it its page and line, as every diagnostic's), else as the entry wrote it.
 */
function atReading(
  level: Diagnostic['level'],
  code: string,
  r: Reading,
  line: number | undefined,
  message: string,
): Diagnostic {
  if (line !== undefined) return diagnostic(level, code, r.file, line, message);
  const d = diagnostic(level, code, r.file, r.line, message);
  return r.page === undefined ? d : { ...d, page: r.page };
}

type Figures = Pick<
  Target,
  'measure' | 'kind' | 'baselinePct' | 'baselinePeriod' | 'changePp' | 'targetPct' | 'targetMonth'
>;

/** A target's figures in words, to compare two readings of one sentence in a message. */
const figures = (t: Figures) =>
  [
    `${t.measure}, ${t.kind}`,
    `baseline ${t.baselinePct ?? '–'}%${t.baselinePeriod ? ` (${t.baselinePeriod})` : ''}`,
    `change ${t.changePp ?? '–'} pp`,
    `target ${t.targetPct ?? '–'}%${t.targetMonth ? ` by ${t.targetMonth}` : ''}`,
  ].join(', ');

const quote = (s: string) => JSON.stringify(s.length > 160 ? `${s.slice(0, 157)}…` : s);

export interface ParsedWithUnread extends ParsedDocument {
  unread: UnreadTarget[];
}

/**
 * Applies an analyst's readings to the parsed documents. Where a reading stands at the file and
 * line of a target the reader could not read, and gives the same sentence, the reader's error is
 * replaced by the analyst's target, marked with who read it and why. A reading that no longer
 * matches its document is an error at the document's line, so a document edited after it was
 * read by hand is never published with figures read from another sentence.
 */
export function applyReadings(
  parsed: readonly ParsedWithUnread[],
  readings: readonly LocatedReading[],
  maps: ReadonlyMap<string, PageMap> = new Map(),
): { parsed: ParsedWithUnread[]; diagnostics: Diagnostic[] } {
  const extra: Diagnostic[] = [];
  // The plans are the caller's, fresh from the reader: targets are added to them in place.
  const out = parsed.map((p) => ({ ...p, diagnostics: [...p.diagnostics], unread: [...p.unread] }));
  for (const { reading: r, at: entryLine } of readings) {
    const entry = `${READINGS_FILE} line ${entryLine}`;
    const doc = out.find((p) => p.file === r.file);
    if (!doc) {
      extra.push(
        diagnostic(
          'warning',
          'reading-file-not-found',
          READINGS_FILE,
          entryLine,
          `expected the document ${JSON.stringify(r.file)} in the input folder, for the reading of its ${where(r)}; found no document of that name in this run, so the reading was not used. Correct "file" to the document's name as its diagnostics give it, or remove the entry.`,
        ),
      );
      continue;
    }
    const line = textLine(r, maps);
    const unread = doc.unread.find((u) => at(u.error, r, line));
    if (unread && sameSentence(unread.sentence, r.sentence)) {
      doc.unread = doc.unread.filter((u) => u !== unread);
      // Compared by what it says, not by identity: a reader that maps lines to PDF pages may copy it.
      doc.diagnostics = doc.diagnostics.filter((d) => !sameDiagnostic(d, unread.error));
      if (doc.plan) extra.push(...insert(doc.plan, unread, r, entry, line));
      continue;
    }
    const read = doc.plan?.sections
      .flatMap((s) => s.targets)
      .find((t) => at({ file: r.file, ...t }, r, line));
    if (read && sameSentence(read.sentence, r.sentence) && read.measure !== 'qualitative') {
      const same = figures(read) === figures(r);
      extra.push(
        atReading(
          same ? 'warning' : 'error',
          same ? 'reading-not-needed' : 'reading-conflict',
          r,
          line,
          same
            ? `expected a reading only for a sentence the reader cannot read; found that the reader reads this one itself, with the same figures as the reading at ${entry}. The reader's were used; remove the entry.`
            : `expected the reading at ${entry} to be needed; found that the reader now reads this sentence itself, as ${figures(read)}; the reading gives ${figures(r)}. Check the sentence: remove the entry if the reader is right, or reword the sentence so the reader cannot misread it.`,
        ),
      );
      continue;
    }
    const found = unread?.sentence ?? read?.sentence;
    const elsewhere = doc.unread.find((u) => sameSentence(u.sentence, r.sentence));
    extra.push(
      atReading(
        'error',
        'reading-stale',
        r,
        line,
        `stale reading: expected the sentence read at ${entry}, ${quote(r.sentence)}, at ${where(r)}; found ${found === undefined ? 'no target sentence there' : quote(found)}. The document has changed since it was read, so the reading was not used. ${elsewhere ? `The sentence now stands at ${where({ file: r.file, ...placeOf(r.file, elsewhere.error.line ?? r.line, maps) })}: correct "line"${maps.has(r.file) ? ' and "page"' : ''} in the entry` : 'Read the sentence that stands there now and correct the entry (run validate for an entry to fill in), or remove it'}.`,
      ),
    );
  }
  return { parsed: out, diagnostics: extra };
}

/** Puts the analyst's target where the reader would have: in its section, in line order. */
function insert(
  plan: Plan,
  unread: UnreadTarget,
  r: Reading,
  entry: string,
  line: number | undefined,
): Diagnostic[] {
  const existing = plan.sections.flatMap((s) => s.targets).find((t) => t.measure === r.measure);
  if (existing) {
    return [
      atReading(
        'error',
        'target-duplicate-measure',
        r,
        line,
        `expected one target per measure; found the reading at ${entry} gives a second target for ${r.measure} (the first is at ${cite(plan.source, existing.line)}). Correct the reading's measure, or remove or merge one of the targets.`,
      ),
    ];
  }
  // Filed where the reader would have filed it: in the section it stands in, under its
  // measure's theme when that section is not a themed one.
  const section = plan.sections.find((s) => s.id === unread.section);
  if (!section) return [];
  const theme: SectionId = sectionById(unread.section).themed ? unread.section : measureById(r.measure).theme;
  const target: Target = {
    theme,
    measure: r.measure,
    kind: r.kind,
    baselinePct: r.baselinePct,
    baselinePeriod: r.baselinePeriod,
    changePp: r.changePp,
    targetPct: r.targetPct,
    targetMonth: r.targetMonth,
    sentence: unread.sentence,
    // A line of the parsed text, as every target's: reports cite it as a page and line of a PDF.
    line: unread.error.line ?? r.line,
    readBy: { analyst: r.who.trim(), why: r.why.trim() },
  };
  section.targets.push(target);
  section.targets.sort((a, b) => a.line - b.line);
  return [];
}

/**
 * readings.json entries to fill in, one per sentence still unread: its place and sentence as the
 * reader saw them, every figure null and who and why empty. Left unfilled, it fails validation at
 * its line, so an entry half done is never taken for a reading.
 */
export function readingsTemplate(
  unread: ReadonlyArray<UnreadTarget & { file: string }>,
  maps: ReadonlyMap<string, PageMap> = new Map(),
): { readings: Array<Record<string, unknown>> } | null {
  if (unread.length === 0) return null;
  return {
    readings: unread.map((u) => {
      const place = placeOf(u.file, u.error.line ?? 1, maps);
      return {
        file: u.file,
        ...place,
        sentence: u.sentence,
        measure: null,
        kind: null,
        baselinePct: null,
        baselinePeriod: null,
        changePp: null,
        targetPct: null,
        targetMonth: null,
        who: '',
        why: '',
      };
    }),
  };
}

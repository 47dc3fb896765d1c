import {
  type Diagnostic,
  diagnostic,
  type NationalStatement,
  type Plan,
  PlanSchema,
  periodEnd,
  REGIONS,
  regionById,
  SECTIONS,
  sha256,
} from '../model/index.ts';
import { characterDiagnostics } from './characters.ts';
import { type Decoded, decodeDocument } from './decode.ts';
import { readDirectors } from './directors.ts';
import { overLongItems, overLongLines } from './limits.ts';
import { readNationalStatements } from './national-statements.ts';
import type { ExtractedText } from './pdf/types.ts';
import { type UnreadTarget, unreadTargets } from './readings.ts';
import { recogniseRegion } from './region.ts';
import { assembleSections } from './sections.ts';
import { cleanText } from './text.ts';
import { readPlanPeriod, readTitle } from './title.ts';
import { tokenise } from './tokens.ts';

export interface ParsedDocument {
  file: string;
  plan: Plan | null;
  diagnostics: Diagnostic[];
  /** Target sentences the reader raised an error on: an analyst's reading may replace the error. */
  unread?: UnreadTarget[];
}

/** One document's bytes to a validated Plan, or to the diagnostics that say why not. */
export function parsePlan(file: string, bytes: Uint8Array, extracted?: ExtractedText): ParsedDocument {
  // A PDF is parsed as the text read from it (pdf/); its lines are that text's lines.
  const decoded: Decoded = extracted
    ? { ok: true, text: extracted.text, notes: [] }
    : decodeDocument(file, bytes);
  if (!decoded.ok) return { file, plan: null, diagnostics: [decoded.diagnostic] };
  // Refused before any pattern is matched against them: an over-long line or item is never read.
  const longLines = overLongLines(file, decoded.text);
  if (longLines.length > 0) return { file, plan: null, diagnostics: [...decoded.notes, ...longLines] };
  const diagnostics: Diagnostic[] = [...decoded.notes, ...characterDiagnostics(file, decoded.text)];
  const { preamble, tokens } = tokenise(decoded.text);
  const longItems = overLongItems(file, preamble, tokens);
  if (longItems.length > 0) return { file, plan: null, diagnostics: [...diagnostics, ...longItems] };

  const assembled = assembleSections(file, tokens);
  diagnostics.push(...assembled.diagnostics);
  const unread = unreadTargets(assembled.diagnostics, tokens, assembled.sections);
  if (assembled.sections.length === 0) {
    diagnostics.push(
      diagnostic(
        'error',
        'no-sections',
        file,
        undefined,
        `expected the seven section headings of a plan update (${SECTIONS.map((s) => `"${s.heading}"`).join(', ')}); found none. Check that this is a Reducing Reoffending Plan update.`,
      ),
    );
    return { file, plan: null, diagnostics, unread };
  }
  const seen = new Set(assembled.sections.map((a) => a.section.id));
  for (const def of SECTIONS) {
    if (!seen.has(def.id)) {
      diagnostics.push(
        diagnostic(
          'warning',
          'section-missing',
          file,
          undefined,
          `expected a section headed "${def.heading}"; found none. Its content, if any, was read into the section before it.`,
        ),
      );
    }
  }
  const sections = assembled.sections.map((a) => a.section);

  const title = preamble.length > 0 ? cleanText(preamble.map((l) => l.text).join(' ')) : null;
  const targets = sections.flatMap((s) => s.targets);
  const quantitative = targets.filter((t) => t.measure !== 'qualitative');
  const prose = [
    ...sections.flatMap((s) => [s.paragraphs, s.commitments, s.progress].flat().map((i) => i.text)),
  ].join('\n');

  const firstLine = new Map<string, number>();
  for (const t of quantitative) {
    const first = firstLine.get(t.measure);
    if (first === undefined) firstLine.set(t.measure, t.line);
    else {
      diagnostics.push(
        diagnostic(
          'error',
          'target-duplicate-measure',
          file,
          t.line,
          `expected one target per measure; found a second target for ${t.measure} (the first is at line ${first}). Remove or merge one of them.`,
        ),
      );
    }
  }

  const region = recogniseRegion(
    title,
    quantitative.map((t) => t.sentence),
    prose,
  );
  if (!region.ok) {
    const names = REGIONS.map((r) => r.name).join(', ');
    const message =
      region.reason === 'none'
        ? `expected the name of one of the twelve probation regions (${names}) in the title or the targets; found none. Add the region's name to the title block.`
        : `expected one region; found ${region.candidates.map((id) => regionById(id).name).join(' and ')} named equally often. Put the region's name in the title block.`;
    diagnostics.push(
      diagnostic(
        'error',
        region.reason === 'none' ? 'region-unrecognised' : 'region-ambiguous',
        file,
        preamble[0]?.n,
        message,
      ),
    );
    return { file, plan: null, diagnostics, unread };
  }
  if (region.evidence === 'title') {
    const inTargets = recogniseRegion(
      null,
      quantitative.map((t) => t.sentence),
      '',
    );
    if (inTargets.ok && inTargets.id !== region.id) {
      diagnostics.push(
        diagnostic(
          'warning',
          'region-inconsistent',
          file,
          quantitative[0]?.line,
          `expected the targets to name the region of the title, ${regionById(region.id).name}; found ${regionById(inTargets.id).name}. The title's region is used; check the document.`,
        ),
      );
    }
  }

  const titleFacts = readTitle(title);
  let edition = titleFacts.edition;
  let editionInferred = false;
  if (edition === null) {
    const years = quantitative
      .filter((t) => t.baselinePeriod !== null)
      .map((t) => Number(periodEnd(t.baselinePeriod as string).slice(0, 4)));
    if (years.length === 0) {
      diagnostics.push(
        diagnostic(
          'error',
          'edition-unknown',
          file,
          preamble[0]?.n,
          'expected the edition in the title ("Annual Update 2023") or baseline dates in the targets to infer it from; found neither. Add the title block.',
        ),
      );
      return { file, plan: null, diagnostics, unread };
    }
    edition = Math.max(...years);
    editionInferred = true;
    diagnostics.push(
      diagnostic(
        'info',
        'edition-inferred',
        file,
        preamble[0]?.n ?? quantitative[0]?.line,
        `expected the edition in the title ("Annual Update ${edition}"); found ${title === null ? 'no title block' : 'none in the title'}. Edition ${edition} was inferred from the latest baseline date.`,
      ),
    );
  }
  let planPeriod = titleFacts.planPeriod ?? readPlanPeriod(prose);
  if (planPeriod === null) {
    diagnostics.push(
      diagnostic(
        'info',
        'plan-period-missing',
        file,
        preamble[0]?.n,
        'expected the plan period ("Reducing Reoffending Plan 2022-25") in the title or text; found none. The plan period is left blank.',
      ),
    );
    planPeriod = null;
  }

  const foreword = assembled.sections.find((a) => a.section.id === 'foreword');
  const directors = readDirectors(foreword?.paragraphLines ?? []);
  if (directors.length === 0) {
    diagnostics.push(
      diagnostic(
        'warning',
        'directors-missing',
        file,
        foreword?.section.line,
        'expected the foreword to be signed "Name, Regional Probation Director and Name, Prison Group Director"; found no such signature. The report will name no directors.',
      ),
    );
  }

  const national = sections.find((s) => s.id === 'national-priorities');
  const nationalStatements: NationalStatement[] = national
    ? [...national.paragraphs, ...national.otherItems].flatMap((i) => readNationalStatements(i.text, i.line))
    : [];
  nationalStatements.sort((a, b) => a.line - b.line);

  const candidate: Plan = {
    source: extracted
      ? {
          file,
          sha256: sha256(bytes),
          format: 'pdf',
          pages: extracted.pages,
          blankLines: extracted.blankLines,
        }
      : { file, sha256: sha256(bytes), format: 'text' },
    region: { id: region.id, name: regionById(region.id).name },
    title,
    planPeriod,
    edition,
    editionInferred,
    directors,
    sections,
    nationalStatements,
  };
  const checked = PlanSchema.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      diagnostics.push(
        diagnostic(
          'error',
          'model-invalid',
          file,
          undefined,
          `expected a valid plan model at ${issue.path.join('.')}; found: ${issue.message}. This is a bug in the reader; please report it with the file.`,
        ),
      );
    }
    return { file, plan: null, diagnostics, unread };
  }
  return { file, plan: checked.data, diagnostics, unread };
}

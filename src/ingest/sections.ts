import {
  type Diagnostic,
  diagnostic,
  type Item,
  measureById,
  type Section,
  type SectionDefinition,
  sectionById,
  type Target,
} from '../model/index.ts';
import { isQuantitative, looksLikeTarget, parseTarget, qualitativeTarget } from './targets.ts';
import { cleanText } from './text.ts';
import type { LabelKind, RawItem, SourceLine, Token } from './tokens.ts';

export interface AssembledSection {
  section: Section;
  /** Paragraphs with their source lines, for readers that need line-level positions (directors). */
  paragraphLines: Array<{ text: string; line: number; lines: SourceLine[] }>;
}

type ListClass = LabelKind | 'other';

const PUBLISHER_MARK = /^hm prison (?:and|&) probation service$/i;

/**
 * Groups tokens under their section headings. A themed heading that repeats starts the next part
 * of the same section (the document's next page on that theme).
 */
export function assembleSections(
  file: string,
  tokens: readonly Token[],
): { sections: AssembledSection[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const groups: Array<{
    def: SectionDefinition;
    heading: Extract<Token, { type: 'heading' }>;
    parts: Token[][];
    repeatLines: number[];
  }> = [];
  const orphans: Token[] = [];
  for (const token of tokens) {
    if (token.type === 'heading') {
      const existing = groups.find((g) => g.def.id === token.section.id);
      const last = groups[groups.length - 1];
      if (existing && existing !== last) {
        diagnostics.push(
          diagnostic(
            'warning',
            'section-out-of-order',
            file,
            token.line,
            `expected the sections in their usual order; found "${token.text}" again after "${last?.def.heading}". Its content is read as part of the earlier "${existing.def.heading}" section.`,
          ),
        );
      }
      if (existing) {
        existing.parts.push([]);
        existing.repeatLines.push(token.line);
      } else groups.push({ def: token.section, heading: token, parts: [[]], repeatLines: [] });
      continue;
    }
    const group = groups[groups.length - 1];
    if (!group) {
      orphans.push(token);
      continue;
    }
    (group.parts[group.parts.length - 1] as Token[]).push(token);
  }
  // Content before the first heading is read with the first section rather than dropped.
  const first = groups[0];
  if (first && orphans.length > 0) {
    diagnostics.push(
      diagnostic(
        'warning',
        'content-before-first-section',
        file,
        orphans[0]?.line,
        `expected the document's content to start with a section heading ("${first.def.heading}"); found content before it. It was read as part of "${first.def.heading}".`,
      ),
    );
    (first.parts[0] as Token[]).unshift(...orphans);
  }
  const sections = groups.map((g) => assemble(file, g.def, g.heading, g.parts, g.repeatLines, diagnostics));
  return { sections, diagnostics };
}

function assemble(
  file: string,
  def: SectionDefinition,
  heading: Extract<Token, { type: 'heading' }>,
  parts: Token[][],
  repeatLines: number[],
  diagnostics: Diagnostic[],
): AssembledSection {
  const section: Section = {
    id: def.id,
    heading: heading.text,
    line: heading.line,
    repeatLines,
    paragraphs: [],
    targets: [],
    commitments: [],
    progress: [],
    opportunities: [],
    otherItems: [],
  };
  const paragraphLines: AssembledSection['paragraphLines'] = [];

  parts.forEach((tokens, partIndex) => {
    let mode: ListClass | 'intro' | 'repeat' = partIndex === 0 ? 'intro' : 'repeat';
    let labelled = false;
    let targetsListTaken = false;
    const progressLabelLater = (from: number): boolean =>
      tokens.slice(from).some((t) => t.type === 'label' && t.label === 'progress');

    tokens.forEach((token, index) => {
      switch (token.type) {
        case 'heading':
          return;
        case 'paragraph': {
          if (PUBLISHER_MARK.test(token.text)) return;
          if (looksLikeTarget(token.text)) {
            // A target written as prose is still a target: read it, and say where it stood.
            place(
              file,
              def,
              section,
              'other',
              [{ text: token.text, line: token.line, lines: token.lines }],
              false,
              diagnostics,
            );
            return;
          }
          section.paragraphs.push({ text: token.text, line: token.line, inferred: false });
          paragraphLines.push({ text: token.text, line: token.line, lines: token.lines });
          return;
        }
        case 'label':
          mode = token.label;
          labelled = true;
          targetsListTaken = false;
          return;
        case 'glyph':
          diagnostics.push(
            diagnostic(
              'info',
              'stray-glyph',
              file,
              token.line,
              `expected a list label such as "We said we would:"; found a stray character "${token.text}" (an extraction artefact). It was ignored and the next list classified by its position.`,
            ),
          );
          labelled = false;
          return;
        case 'list': {
          let cls: ListClass;
          let inferred = !labelled;
          if (mode === 'targets') {
            if (!targetsListTaken || token.items.every((i) => looksLikeTarget(i.text))) {
              cls = 'targets';
              inferred = false;
              targetsListTaken = true;
            } else {
              mode = 'commitments';
              labelled = false;
              cls = 'commitments';
              inferred = true;
            }
          } else if (mode === 'intro') {
            if (def.themed && token.items.every((i) => looksLikeTarget(i.text))) {
              diagnostics.push(
                diagnostic(
                  'info',
                  'targets-label-missing',
                  file,
                  token.line,
                  'expected a "Regional targets" label before the targets; found target sentences without one. They were read as targets.',
                ),
              );
              cls = 'targets';
              inferred = true;
            } else {
              cls = defaultClass(def, 'first');
            }
          } else if (mode === 'repeat') {
            cls = defaultClass(def, progressLabelLater(index) ? 'first' : 'repeat');
          } else {
            cls = mode;
          }
          place(file, def, section, cls, token.items, inferred, diagnostics);
          return;
        }
      }
    });
  });
  return { section, paragraphLines };
}

/** Where an unlabelled list goes: commitments before the repeated heading, progress after it. */
function defaultClass(def: SectionDefinition, position: 'first' | 'repeat'): ListClass {
  if (def.themed) return position === 'first' ? 'commitments' : 'progress';
  if (def.id === 'priorities-next-year') return 'opportunities';
  return 'other';
}

function place(
  file: string,
  def: SectionDefinition,
  section: Section,
  cls: ListClass,
  items: readonly RawItem[],
  inferred: boolean,
  diagnostics: Diagnostic[],
): void {
  for (const raw of items) {
    if (cls === 'targets') {
      const target = readTarget(file, def, raw, diagnostics);
      if (target) section.targets.push(target);
      continue;
    }
    // A target sentence is read wherever it stands, never lost as an ordinary item: outside a
    // themed section it is filed under its measure's theme.
    if (looksLikeTarget(raw.text)) {
      diagnostics.push(
        diagnostic(
          'warning',
          'target-outside-targets-list',
          file,
          raw.line,
          `expected targets under "Regional targets"; found one in a ${cls} list of "${def.heading}". It was read as a target; move it under the targets label.`,
        ),
      );
      const target = readTarget(file, def, raw, diagnostics);
      if (target)
        section.targets.push(
          def.themed || target.measure === 'qualitative'
            ? target
            : { ...target, theme: measureById(target.measure).theme },
        );
      continue;
    }
    const item: Item = { text: cleanText(raw.text), line: raw.line, inferred };
    if (cls === 'commitments') section.commitments.push(item);
    else if (cls === 'progress') section.progress.push(item);
    else if (cls === 'opportunities') section.opportunities.push(item);
    else section.otherItems.push(item);
  }
}

function readTarget(
  file: string,
  def: SectionDefinition,
  raw: RawItem,
  diagnostics: Diagnostic[],
): Target | undefined {
  const theme = sectionById(def.id).id;
  if (!isQuantitative(raw.text)) return qualitativeTarget(raw.text, raw.line, theme);
  const result = parseTarget(file, raw.text, raw.line, theme);
  if ('error' in result) {
    diagnostics.push(result.error);
    return undefined;
  }
  diagnostics.push(...result.notes);
  return result.target;
}

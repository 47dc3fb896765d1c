import { citeInWords, type Plan } from '../../model/index.ts';
import type { Templates } from '../templates.ts';
import { measureInSentence, type ReportInput } from './common.ts';

/**
 * What a report must say about where its figures come from beyond the documents' own words: the
 * targets an analyst read by hand (readings.json), and the documents --keep-going left out. Each is
 * a paragraph after the introduction, in HTML and PDF alike; none when there is nothing to say.
 */
export function provenanceNotes(input: ReportInput, plans: readonly Plan[], templates: Templates): string[] {
  const notes: string[] = [];
  const byHand = plans.flatMap((p) =>
    p.sections
      .flatMap((s) => s.targets)
      .flatMap((t) =>
        t.readBy && t.measure !== 'qualitative'
          ? [
              {
                analyst: t.readBy.analyst,
                target: `${measureInSentence(t.measure)} in ${p.region.name}'s ${p.edition} update (${citeInWords(p.source, t.line)})`,
              },
            ]
          : [],
      ),
  );
  if (byHand.length > 0) {
    const analysts = [...new Set(byHand.map((b) => b.analyst))].sort();
    notes.push(
      templates.text('read-by-hand', {
        n: byHand.length,
        analysts,
        people: analysts.length,
        targets: byHand.map((b) => b.target),
      }),
    );
  }
  const leftOut = input.leftOut ?? [];
  if (leftOut.length > 0) {
    notes.push(
      templates.text('left-out', {
        n: leftOut.length,
        documents: leftOut.map(
          (l) =>
            `${l.file} (${l.line === undefined ? '' : `${l.page === undefined ? '' : `page ${l.page}, `}line ${l.line}: `}${l.message.replace(/\.$/, '')})`,
        ),
      }),
    );
  }
  return notes;
}

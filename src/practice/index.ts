import {
  type Achievement,
  type CommitmentLink,
  type Initiative,
  type Mention,
  type Passage,
  type Plan,
  PRACTICE_TAXONOMY,
} from '../model/index.ts';
import { achievements } from './achievements.ts';
import { commitmentLinks } from './commitments.ts';
import { matcher } from './match.ts';
import { mentions } from './mentions.ts';
import { passages } from './passages.ts';
import { type PracticeRow, practiceRows } from './rows.ts';

export { RARE_WORD_ITEMS } from './commitments.ts';
export { type Limit, limitsOf } from './limits.ts';
export { type Match, type Matcher, matcher } from './match.ts';
export { readNumbers } from './numbers.ts';
export type { PracticeRow } from './rows.ts';

/** What the regions report doing: mentions of each initiative, figures, and commitments followed up. */
export interface Practice {
  taxonomy: readonly Initiative[];
  passages: Passage[];
  mentions: Mention[];
  rows: PracticeRow[];
  achievements: Achievement[];
  commitments: CommitmentLink[];
}

/** Reads every plan of the run against the taxonomy; a pure function of the plans. */
export function analysePractice(
  plans: readonly Plan[],
  taxonomy: readonly Initiative[] = PRACTICE_TAXONOMY,
): Practice {
  const match = matcher(taxonomy);
  const all = passages(plans);
  const found = mentions(all, match);
  return {
    taxonomy,
    passages: all,
    mentions: found,
    rows: practiceRows(found, taxonomy),
    achievements: achievements(all, match, taxonomy),
    commitments: commitmentLinks(all, match),
  };
}

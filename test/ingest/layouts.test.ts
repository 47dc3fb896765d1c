import { describe, expect, it } from 'vitest';
import { looksLikeTarget } from '../../src/ingest/targets.ts';
import { joinLines, normaliseLine } from '../../src/ingest/text.ts';
import { isPageFurniture, tokenise } from '../../src/ingest/tokens.ts';
import type { Plan, Target } from '../../src/model/index.ts';
import { lineOf, parseText, planOf, replaceOnce, seedText } from '../helpers/seeds.ts';

// The real North East update, laid out or typed the way other documents of the family are.

const quantitative = (plan: Plan): Target[] =>
  plan.sections.flatMap((s) => s.targets).filter((t) => t.measure !== 'qualitative');
const summary = (plan: Plan) =>
  quantitative(plan).map((t) => [
    t.measure,
    t.kind,
    t.baselinePct,
    t.baselinePeriod,
    t.changePp,
    t.targetPct,
    t.targetMonth,
  ]);
const counts = (plan: Plan) =>
  plan.sections.map((s) => [
    s.id,
    s.targets.length,
    s.commitments.length,
    s.progress.length,
    s.opportunities.length,
    s.paragraphs.length,
  ]);

const NE = seedText('north-east');
const ORIGINAL = planOf(NE);
const NE_6W =
  '- By April 2024, North East will increase the proportion employed six weeks after release by 4 percentage points from 14% in March 2023.';
const NE_6M =
  '- North East will continue to increase the proportion employed six months after release from 16%, in the performance year to March 2023.';
const NE_HOUSED =
  '- By April 2024, North East will increase the proportion housed on the night after release by 6 percentage points from 84% in March 2023.';

describe('Unicode compatibility forms (NFKC)', () => {
  it('full-width digits and percent sign read as figures, and are quoted in plain form', () => {
    const text = replaceOnce(
      NE,
      NE_6W,
      NE_6W.replace('by 4 percentage', 'by ４ percentage').replace('14%', '１４％'),
    );
    const plan = planOf(text);
    expect(summary(plan)).toEqual(summary(ORIGINAL));
    expect(quantitative(plan)[0]?.sentence).toContain('by 4 percentage points from 14% in March 2023');
  });

  it('ligatures ("ﬁ", "ﬀ") become their letters', () => {
    const text = replaceOnce(
      NE,
      NE_HOUSED,
      '- By April 2024, North East will increase the proportion housed on the ﬁrst night after release by 6 percentage points from 84% in March 2023.',
    );
    const plan = planOf(text);
    expect(summary(plan)).toEqual(summary(ORIGINAL));
    expect(normaliseLine('Oﬀender ﬁnding')).toBe('Offender finding');
  });

  it('an ellipsis, a footnote mark and a fraction are kept as written', () => {
    expect(normaliseLine('up from 14%¹ … 4½ points')).toBe('up from 14%¹ … 4½ points');
  });
});

describe('a sentence broken across lines at a hyphen', () => {
  it.each([
    ['percent-', 'age points', 'percentage points'],
    ['employ-', 'ment', 'employment'],
    ['six-', 'week', 'six-week'],
    ['percentage-', 'points', 'percentage-points'],
    ['whole-', 'prison approach', 'whole-prison approach'],
    ['re-', 'establish links', 're-establish links'],
    ['accommo\u00ad', 'dation', 'accommodation'],
  ])('"%s" + "%s" is "%s"', (left, right, joined) => {
    expect(joinLines([`the ${left}`, `  ${right} rate`])).toBe(`the ${joined} rate`);
  });

  it('a dash at a line end, or a capital after it, is not a broken word', () => {
    expect(joinLines(['services -', 'and more'])).toBe('services - and more');
    expect(joinLines(['North-', 'East'])).toBe('North- East');
  });

  it('a target broken inside "percentage" and inside "employment" is read whole', () => {
    const text = replaceOnce(
      NE,
      NE_6W,
      '- By April 2024, North East will increase the six-week employ-\n  ment rate by 4 percent-\n  age points from 14% in March 2023.',
    );
    const plan = planOf(text);
    expect(summary(plan)).toEqual(summary(ORIGINAL));
    expect(quantitative(plan)[0]).toMatchObject({
      line: lineOf(text, '- By April 2024, North East will increase the six-week'),
      sentence:
        'By April 2024, North East will increase the six-week employment rate by 4 percentage points from 14% in March 2023.',
    });
  });
});

describe('target lists under another label, or numbered', () => {
  it.each([
    'Our targets',
    'Targets',
    'Targets for 2024/25',
    'Targets for 2024-25:',
    'Key performance targets',
    'Our key targets',
    'Measures of success',
    'How we will measure success:',
    'Our targets for 2024/25 are:',
  ])('"%s"', (label) => {
    const parsed = parseText(NE.replace(/^Regional targets$/gm, label));
    expect(parsed.diagnostics.filter((d) => d.code === 'targets-label-missing')).toEqual([]);
    expect(summary(parsed.plan as Plan)).toEqual(summary(ORIGINAL));
    expect(counts(parsed.plan as Plan)).toEqual(counts(ORIGINAL));
  });

  it.each([
    ['1. ', (i: number) => `${i}. `],
    ['1) ', (i: number) => `${i}) `],
    ['(1) ', (i: number) => `(${i}) `],
    ['(a) ', (i: number) => `(${'abcdefghij'[i - 1]}) `],
    ['a) ', (i: number) => `${'abcdefghij'[i - 1]}) `],
    ['i) ', (i: number) => `${['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'][i - 1]}) `],
    ['(iv) ', (i: number) => `(${['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'][i - 1]}) `],
  ])('numbered "%s"', (_, mark) => {
    // Numbering restarts at each list, as a document's does.
    let n = 0;
    const text = NE.split('\n')
      .map((line) => {
        if (!line.startsWith('- ')) {
          n = 0;
          return line;
        }
        n = (n % 10) + 1;
        return `${mark(n)}${line.slice(2)}`;
      })
      .join('\n');
    const plan = planOf(text);
    expect(summary(plan)).toEqual(summary(ORIGINAL));
    expect(counts(plan)).toEqual(counts(ORIGINAL));
  });
});

describe('page footers inside a list are skipped', () => {
  it.each([
    'Page 7',
    'Page 7 of 12',
    '7',
    '- 7 -',
    'North East Reducing Reoffending Plan 2023 | 7',
    '7 | North East Reducing Reoffending Plan 2023',
  ])('"%s", on its own line or between blank lines', (footer) => {
    for (const between of [`\n${footer}\n`, `\n\n${footer}\n\n`]) {
      const text = replaceOnce(NE, `${NE_6W}\n`, `${NE_6W}${between}`);
      const parsed = parseText(text);
      expect(parsed.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
      expect(parsed.diagnostics.filter((d) => d.code === 'stray-glyph')).toEqual([]);
      expect(summary(parsed.plan as Plan)).toEqual(summary(ORIGINAL));
      expect(counts(parsed.plan as Plan)).toEqual(counts(ORIGINAL));
    }
  });

  it('a footer in the middle of a sentence, at a page break, leaves the sentence whole', () => {
    const text = replaceOnce(
      NE,
      NE_6W,
      '- By April 2024, North East will increase the proportion employed six weeks after\n\nNorth East Reducing Reoffending Plan 2023 | 7\n\nrelease by 4 percentage points from 14% in March 2023.',
    );
    const plan = planOf(text);
    expect(summary(plan)).toEqual(summary(ORIGINAL));
    expect(quantitative(plan)[0]?.sentence).toBe(NE_6W.slice(2));
  });

  it('a footer in the middle of a commitments list keeps one list', () => {
    const anchor = '- Ensure the New Futures Network operates at full capacity.\n';
    const plan = planOf(replaceOnce(NE, anchor, `${anchor}Page 4\n`));
    expect(counts(plan)).toEqual(counts(ORIGINAL));
  });

  it('what is not a footer', () => {
    for (const line of [
      'Page 7 shows the figures.',
      '- Made full use of the ETE allowance | 7 prisons.',
      'Targets | 2024',
      'We will increase the proportion by 7',
    ])
      expect(isPageFurniture(line)).toBe(false);
  });

  it('a bare number is a page number, not a token', () => {
    const { tokens } = tokenise('Foreword\n\nSome words.\n\n12\n\nMore words.\n');
    expect(tokens.map((t) => t.type)).toEqual(['heading', 'paragraph', 'paragraph']);
  });
});

describe('sentences with percentages that are not targets', () => {
  const PROGRESS_ANCHOR = '- Made full use of the ETE allowance for Unpaid Work participants.';

  it.each([
    'The proportion employed six weeks after release went up from 20% to 23% this year.',
    'The proportion employed six weeks after release increased from 20% to 23% by March 2023.',
    'Employment six weeks after release rose to 23% in March 2023, up from 20%.',
    'We improved the proportion in work six weeks after release from 20% to 23% this year.',
  ])('in a progress list: "%s"', (sentence) => {
    expect(looksLikeTarget(sentence)).toBe(false);
    const parsed = parseText(replaceOnce(NE, PROGRESS_ANCHOR, `${PROGRESS_ANCHOR}\n- ${sentence}`));
    expect(parsed.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    const plan = parsed.plan as Plan;
    expect(summary(plan)).toEqual(summary(ORIGINAL));
    expect(plan.sections.flatMap((s) => s.progress).map((i) => i.text)).toContain(sentence);
  });

  it('a target written in new words outside a targets list is read as one, with a warning', () => {
    const sentence =
      'North East aims to lift the proportion in work six weeks after release to 18% by April 2024, from 14% in March 2023.';
    const text = replaceOnce(
      replaceOnce(NE, `${NE_6W}\n`, ''),
      PROGRESS_ANCHOR,
      `${PROGRESS_ANCHOR}\n- ${sentence}`,
    );
    const parsed = parseText(text);
    expect(parsed.diagnostics.filter((d) => d.level !== 'info')).toMatchObject([
      { code: 'target-outside-targets-list', line: lineOf(text, sentence) },
    ]);
    expect(quantitative(parsed.plan as Plan).find((t) => t.measure === 'employment-6w')).toMatchObject({
      baselinePct: 14,
      targetPct: 18,
      changePp: 4,
      targetMonth: '2024-04',
    });
  });

  it('a target-like sentence that cannot be read is an error at its line, wherever it stands', () => {
    const sentence =
      'North East aims to lift the proportion in work six weeks after release to 18% by April 2024.';
    const text = replaceOnce(NE, PROGRESS_ANCHOR, `${PROGRESS_ANCHOR}\n- ${sentence}`);
    const errors = parseText(text, 'north-east-2023.txt').diagnostics.filter((d) => d.level === 'error');
    expect(errors).toMatchObject([
      { code: 'target-unreadable', file: 'north-east-2023.txt', line: lineOf(text, sentence) },
    ]);
    expect(errors[0]?.message).toContain('a baseline ("from 14%")');
  });

  it('the six-month target keeps its place when the targets list is numbered and footed', () => {
    const text = replaceOnce(
      NE,
      `${NE_6W}\n${NE_6M}\n`,
      `1. ${NE_6W.slice(2)}\n\nPage 4\n\n2. ${NE_6M.slice(2)}\n`,
    );
    expect(summary(planOf(text))).toEqual(summary(ORIGINAL));
  });
});

describe('a number a sentence wrapped onto its own line is text, not a page number', () => {
  it('is kept in its item', () => {
    const { tokens } = tokenise('Foreword\n\n- We opened beds for\n650\npeople on release.\n');
    expect(tokens[1]).toMatchObject({
      type: 'list',
      items: [{ text: 'We opened beds for 650 people on release.' }],
    });
  });
});

describe("long lines of the reader's own words are read in one pass", () => {
  // Each is just under the item limit; a recogniser that backtracked would not finish here.
  const n = 9_900;
  const fill = (unit: string, length = n) => unit.repeat(Math.floor(length / unit.length)).trim();
  it.each([
    ['figures', 'by four percentage points from 14% in March 2023 to 18% by 31 March 2024 '],
    ['numbers in words', 'twenty five and a half point one two three '],
    ['dates', '1 1 1 april 31/03/2024 2023/24 end-march the end of '],
    ['measure words', 'employed six weeks after release housed on the first night '],
    ['hyphens', 'a-'],
    ['numbering', '(a) i) 1. '],
  ])('%s', (_, unit) => {
    const anchor = '- Made full use of the ETE allowance for Unpaid Work participants.';
    const line = `- ${fill(unit)}`;
    const broken = `- ${fill(unit, n / 2)}-\n  ${fill(unit, n / 2)}`;
    const parsed = parseText(replaceOnce(NE, anchor, `${anchor}\n${line}\n${broken}`));
    expect(parsed.diagnostics.filter((d) => d.code === 'item-too-long')).toEqual([]);
    expect(parsed.plan).not.toBeNull();
  });
});

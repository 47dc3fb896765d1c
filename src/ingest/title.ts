import { cleanText } from './text.ts';

export interface TitleFacts {
  planPeriod: { start: number; end: number } | null;
  edition: number | null;
}

const PLAN_PERIOD = /\bplan\s+(20\d{2})\s*[-–—/]\s*((?:20)?\d{2})\b/i;
const EDITION = /\bupdate\s+(20\d{2})\b/i;

/** Plan period and edition from the title block ("Reducing Reoffending Plan 2022-25 Annual Update 2023"). */
export function readTitle(title: string | null): TitleFacts {
  const text = cleanText(title ?? '');
  const edition = EDITION.exec(text);
  return { planPeriod: readPlanPeriod(text), edition: edition ? Number(edition[1]) : null };
}

/** "Plan 2022-25" or "Plan 2022-2025" anywhere in a text. */
export function readPlanPeriod(text: string): { start: number; end: number } | null {
  const m = PLAN_PERIOD.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  const endText = m[2] ?? '';
  const end = endText.length === 2 ? Math.floor(start / 100) * 100 + Number(endText) : Number(endText);
  return end > start ? { start, end } : null;
}

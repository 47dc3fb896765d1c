import { cite, type Diagnostic, diagnostic, type Plan, type StatementAgreement } from '../model/index.ts';

/**
 * The national figures the documents quote are a second source. Documents that quote the same
 * measure since the same month but with different figures get a warning naming both lines.
 */
export function consolidateStatements(plans: readonly Plan[]): {
  statements: StatementAgreement[];
  diagnostics: Diagnostic[];
} {
  const statements: StatementAgreement[] = [];
  const diagnostics: Diagnostic[] = [];
  const firstBy = new Map<string, { source: string; from: number; to: number }>();
  for (const plan of plans) {
    for (const s of plan.nationalStatements) {
      const source = cite(plan.source, s.line);
      const key = `${s.measure} ${s.since ?? ''}`;
      const existing = statements.find(
        (x) => `${x.measure} ${x.since ?? ''}` === key && x.from_pct === s.fromPct && x.to_pct === s.toPct,
      );
      if (existing) existing.sources.push(source);
      else
        statements.push({
          measure: s.measure,
          since: s.since,
          from_pct: s.fromPct,
          to_pct: s.toPct,
          sources: [source],
        });
      const first = firstBy.get(key);
      if (!first) firstBy.set(key, { source, from: s.fromPct, to: s.toPct });
      else if (first.from !== s.fromPct || first.to !== s.toPct) {
        diagnostics.push(
          diagnostic(
            'warning',
            'national-statements-disagree',
            plan.source.file,
            s.line,
            `expected the documents to quote the same national figures for ${s.measure}${s.since ? ` since ${s.since}` : ''}; found ${s.fromPct}% to ${s.toPct}% here but ${first.from}% to ${first.to}% at ${first.source}. Check which document is right.`,
          ),
        );
      }
    }
  }
  return { statements, diagnostics };
}

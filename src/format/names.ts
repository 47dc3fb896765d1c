/**
 * How a baseline's comparator is named in every sentence, headline and table: never "peer median",
 * because the median of the regions in a run includes the region it is compared with.
 */
export function comparatorName(kind: string): string {
  return kind === 'run-median' ? 'median of the regions in this run' : 'national figure';
}

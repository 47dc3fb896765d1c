import v8 from 'node:v8';

/**
 * V8 settings for a build, a few seconds of work in a fresh process. Measured on the 12-region
 * build and on 120 documents (`npm run bench`, medians of five runs):
 *
 * - `--interrupt-budget`: V8 optimises a function once it has run this much bytecode. At the
 *   default (66 KB) it spent about 2.5 s of CPU compiling vega, vega-lite, pdfmake and pdfkit in
 *   the background, most of it for functions that run only briefly; at 300 KB only the hot ones are
 *   optimised, and the 12-region build is about 0.7 s faster (flat from 200 KB to 400 KB).
 * - `--heap-growing-percent`: how far V8 lets the heap grow past the live data before collecting.
 *   Left to itself it grew to 390 MB with 150 MB live, and 120 documents peaked at 540 MB; at
 *   100% (twice the live data) the peak is about 370 MB, at no measurable cost in time.
 *
 * Both can be set once the process is running: V8 reads them when it decides, not at start.
 */
export const BUILD_V8_FLAGS = ['--interrupt-budget=300000', '--heap-growing-percent=100'] as const;

/** Applies BUILD_V8_FLAGS; the setter is passed in for the tests. */
export function tuneV8ForBuild(set: (flag: string) => void = (flag) => v8.setFlagsFromString(flag)): void {
  for (const flag of BUILD_V8_FLAGS) set(flag);
}

import v8 from 'node:v8';
import vm from 'node:vm';

/** Above this much live JavaScript heap, the build collects garbage itself after a report. */
export const HEAP_LIMIT_MB = 200;

let fullGc: (() => void) | undefined;

/**
 * V8's own full collection, without starting Node with --expose-gc: the flag takes effect for
 * contexts made after it is set, and a fresh context hands back its `gc`.
 */
function v8FullGc(): void {
  if (!fullGc) {
    v8.setFlagsFromString('--expose-gc');
    fullGc = vm.runInNewContext('gc') as () => void;
  }
  fullGc();
}

/**
 * A report's rendering leaves tens of megabytes of garbage that outlives the young generation,
 * and V8 lets the old generation grow well past the live data before it collects: measured at
 * 120 documents, the heap reached 390 MB while about 150 MB was live, and the process peaked at
 * 580 MB. Collecting after a report once the heap passes a limit kept the peak under 400 MB; the
 * price, about 0.4 s of a 12-region build, is mostly V8 collecting more often afterwards, its
 * next target set from the smaller heap. The heap reading and the collector are passed in for
 * the tests.
 */
export function memoryGuard(
  limitMb = HEAP_LIMIT_MB,
  heapUsed: () => number = () => process.memoryUsage().heapUsed,
  collect: () => void = v8FullGc,
): () => boolean {
  return () => {
    if (heapUsed() <= limitMb * 1024 * 1024) return false;
    collect();
    return true;
  };
}

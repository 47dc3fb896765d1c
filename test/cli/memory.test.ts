import { describe, expect, it } from 'vitest';
import { HEAP_LIMIT_MB, memoryGuard } from '../../src/cli/memory.ts';

const MB = 1024 * 1024;

describe('the memory guard', () => {
  it('collects only once the heap passes its limit', () => {
    let heap = 150 * MB;
    let collections = 0;
    const guard = memoryGuard(
      HEAP_LIMIT_MB,
      () => heap,
      () => {
        collections++;
        heap = 120 * MB;
      },
    );
    expect(guard()).toBe(false);
    heap = HEAP_LIMIT_MB * MB + 1;
    expect(guard()).toBe(true);
    expect(collections).toBe(1);
    expect(guard()).toBe(false);
  });

  it("uses V8's own full collection, which frees garbage the young generation let through", () => {
    // Enough garbage to be sure a full collection shrinks the heap.
    let junk: number[][] | null = Array.from({ length: 200 }, () =>
      Array.from({ length: 10_000 }, (_, i) => i),
    );
    const before = process.memoryUsage().heapUsed;
    junk = null;
    expect(memoryGuard(0)()).toBe(true);
    expect(junk).toBeNull();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before - 10 * MB);
  });
});

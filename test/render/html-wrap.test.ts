import { describe, expect, it } from 'vitest';
import { wrappable } from '../../src/render/html/wrap.ts';

describe('table cells wrap at sensible points in HTML', () => {
  it('breaks a long URL or file:line list after its slashes, dots, colons and hyphens, and nowhere else', () => {
    expect(wrappable('https://www.gov.uk/government/statistics')).toBe(
      'https://<wbr>www.<wbr>gov.<wbr>uk/<wbr>government/<wbr>statistics',
    );
    expect(wrappable('north-east-2023.txt:69, south-west-2023.txt:57')).toBe(
      'north-<wbr>east-<wbr>2023.<wbr>txt:<wbr>69, south-<wbr>west-<wbr>2023.<wbr>txt:<wbr>57',
    );
    // Short words and ordinary sentences are left as they are.
    expect(wrappable('the year to March 2023, 19.4%')).toBe('the year to March 2023, 19.4%');
  });

  it('escapes as {{text}} would, so that a cell can never write markup of its own', () => {
    expect(wrappable('<script>alert("x")</script>-and-a-long-tail')).not.toContain('<script>');
    expect(wrappable('a & b')).toBe('a &amp; b');
    expect(wrappable("it's/a/very/long/path&name")).toBe(
      'it&#x27;s/<wbr>a/<wbr>very/<wbr>long/<wbr>path&amp;name',
    );
  });
});

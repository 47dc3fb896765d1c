import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitter } from '../../src/cli/events.ts';
import { escapeControls, terminalSafe } from '../../src/format/terminal.ts';
import { diagnostic, formatDiagnostic } from '../../src/model/index.ts';
import { run, spawnCli, tempDir } from '../helpers/cli.ts';
import { replaceOnce, SEEDS_DIR, seedText } from '../helpers/seeds.ts';

// What an attacker puts in a document: retitle the terminal (OSC 0), clear the screen (CSI 2J),
// the same as one-byte C1 controls (0x9D OSC, 0x9B CSI), a forged diagnostic line after a newline,
// a carriage return that overwrites the line, and an unclosed right-to-left override.
const OSC_TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const C1 = '\u009d0;c1-title\u009c\u009b2J';
const FORGED = '\nnorth-east-2023.txt:1: error: forged';
const HOSTILE = `${OSC_TITLE}${CLEAR}${C1}\rover\u007f\u202eevil${FORGED}`;

// What a document line can carry into a message (a newline would end the line, and the reader
// turns tabs and carriage returns into spaces).
const IN_DOCUMENT = `${OSC_TITLE}${CLEAR}${C1}`;

/** Any character a terminal acts on, other than the newline that ends each line of output. */
const RAW_CONTROL = /[^\P{Cc}\n]|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** An input folder whose North East update has the hostile text in an unreadable target. */
function hostileInput(): string {
  const input = join(tempDir(), 'in');
  mkdirSync(input);
  copyFileSync(join(SEEDS_DIR, 'national-figures.json'), join(input, 'national-figures.json'));
  const target =
    '- By April 2024, North East will increase the proportion employed six weeks after release by 4 percentage points from 14% in March 2023.';
  writeFileSync(
    join(input, 'north-east-2023.txt'),
    replaceOnce(
      seedText('north-east'),
      target,
      `- By April 2024, North East will increase ${IN_DOCUMENT} the proportion employed six weeks after release by a lot.`,
    ),
  );
  return input;
}

describe('text quoted from documents cannot act on the terminal', () => {
  it('escapes every C0, DEL, C1 and bidirectional control character in a field, the newline too', () => {
    const shown = escapeControls(HOSTILE);
    expect(shown).not.toMatch(RAW_CONTROL);
    expect(shown).not.toContain('\n');
    expect(shown).toContain('\\u001B]0;pwned\\u0007');
    expect(shown).toContain('\\u009D0;c1-title\\u009C\\u009B2J');
    expect(shown).toContain('\\u000Dover\\u007F\\u202Eevil\\u000Anorth-east-2023.txt:1');
    // Printable text, Welsh and Arabic letters among it, is left as it is.
    expect(escapeControls('Gŵyl £1.5m – مرحبا')).toBe('Gŵyl £1.5m – مرحبا');
    // Whole output keeps its line ends; escaping twice changes nothing.
    expect(terminalSafe(`a${OSC_TITLE}\nb\n`)).toBe('a\\u001B]0;pwned\\u0007\nb\n');
    expect(escapeControls(escapeControls(HOSTILE))).toBe(escapeControls(HOSTILE));
  });

  it('a diagnostic is one line whatever its file name and message quote', () => {
    const d = diagnostic('error', 'target-unreadable', `x${CLEAR}\n.txt`, 3, `found "${HOSTILE}"`);
    const line = formatDiagnostic(d);
    expect(line).not.toMatch(RAW_CONTROL);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^x\\u001B\[2J\\u001B\[H\\u000A\.txt:3: error: found ".*" \[target-unreadable\]$/);
  });

  it('progress and result lines escape the file names they print', () => {
    let stderr = '';
    let stdout = '';
    const emit = emitter({ stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), tty: true }, false);
    emit({ event: 'document', file: `${OSC_TITLE}.txt`, region: 'North East', edition: 2023 });
    emit({ event: 'changed', files: [`a${FORGED}.txt`, `b${C1}.txt`] });
    expect(stderr).toBe('read \\u001B]0;pwned\\u0007.txt: North East 2023\n');
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('validate prints the unreadable target escaped, on its own line', async () => {
    const result = await run('validate', '--input', hostileInput());
    expect(result.code).toBe(1);
    const line = result.stderr.split('\n').find((l) => l.includes('[target-unreadable]'));
    expect(line).toContain('\\u001B]0;pwned\\u0007\\u001B[2J');
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stderr).not.toMatch(/^north-east-2023\.txt:1: error: forged/m);
  });

  it('the real command line writes no control character, in text or in --json', () => {
    const input = hostileInput();
    const text = spawnCli('validate', '--input', input);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('\\u001B]0;pwned\\u0007');
    expect(text.stderr + text.stdout).not.toMatch(RAW_CONTROL);

    const json = spawnCli('build', '--input', input, '--out', join(tempDir(), 'out'), '--json');
    expect(json.stdout + json.stderr).not.toMatch(RAW_CONTROL);
    // Escaped for the terminal, the same text to a JSON reader.
    const events = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; code?: string; message?: string });
    const unreadable = events.find((e) => e.code === 'target-unreadable');
    expect(unreadable?.message).toContain(IN_DOCUMENT);
  }, 120_000);
});

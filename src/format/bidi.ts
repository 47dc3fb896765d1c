/**
 * The Unicode bidirectional controls: the embeddings and overrides (U+202A–U+202E), the isolates
 * (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C). In quoted text they are a hazard, not a
 * help: an unclosed right-to-left override reverses everything after it to the end of the
 * paragraph, the citation of the quote included. Reports leave them out.
 */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');

const NAMES: Record<string, string> = {
  '\u061c': 'arabic letter mark',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u202a': 'left-to-right embedding',
  '\u202b': 'right-to-left embedding',
  '\u202c': 'pop directional formatting',
  '\u202d': 'left-to-right override',
  '\u202e': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
};

export function isBidiControl(char: string): boolean {
  return BIDI_CONTROL.test(char);
}

export function withoutBidiControls(text: string): string {
  return BIDI_CONTROL.test(text) ? text.replace(BIDI_CONTROLS, '') : text;
}

/** The bidirectional controls in a text, each once, in order, named: `U+202E (right-to-left override)`. */
export function bidiControlNames(text: string): string[] {
  const found = new Set(text.match(BIDI_CONTROLS) ?? []);
  return [...found].map(
    (c) => `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')} (${NAMES[c]})`,
  );
}

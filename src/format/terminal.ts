/**
 * Text quoted from documents, file names and reference files reaches the terminal in messages. A
 * terminal acts on control characters: ESC and the C1 controls start sequences that retitle the
 * window, clear the screen or forge a link; a newline or carriage return forges a message line;
 * the bidirectional controls reverse what follows them. Every such character is shown instead as
 * `\u001B`, which is also how JSON writes it, so escaped text stays valid inside a JSON string.
 */
function unsafe(code: number): boolean {
  return (
    code < 0x20 || // C0: tab, newline, carriage return, escape and the rest
    (code >= 0x7f && code <= 0x9f) || // DEL and C1 (0x9B is a one-byte CSI, 0x9D a one-byte OSC)
    code === 0x061c || // Arabic letter mark
    code === 0x200e || // left-to-right mark
    code === 0x200f || // right-to-left mark
    (code >= 0x202a && code <= 0x202e) || // embeddings and overrides
    (code >= 0x2066 && code <= 0x2069) || // isolates
    code === 0x2028 || // line separator
    code === 0x2029 // paragraph separator
  );
}

const escaped = (code: number) => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;

function escapeWhere(text: string, keep: (code: number) => boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!unsafe(code) || keep(code)) continue;
    out += text.slice(from, i) + escaped(code);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** One field of a message (a file name, a quoted line): every control character escaped, newlines too. */
export function escapeControls(text: string): string {
  return escapeWhere(text, () => false);
}

/** Whole lines of output as written to the terminal: every control character escaped but the newline. */
export function terminalSafe(output: string): string {
  return escapeWhere(output, (code) => code === 0x0a);
}

/** A record with each of its strings, and each string in an array, escaped as a field. */
export function escapeFields<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] =
      typeof value === 'string'
        ? escapeControls(value)
        : Array.isArray(value)
          ? value.map((v) => (typeof v === 'string' ? escapeControls(v) : v))
          : value;
  }
  return out as T;
}

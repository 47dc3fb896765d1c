/** How deep paths are mapped to lines; far deeper than any reference file needs. */
const MAX_DEPTH = 64;

/**
 * Maps every value's path in a JSON text ("figures.3.value") to the line it starts on, so schema
 * errors in hand-edited reference files can be reported as file:line. Assumes valid JSON: run
 * JSON.parse first.
 */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skip = (): void => {
    while (i < text.length && /\s/.test(text[i] as string)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // Deeper values are stepped over without recursing: a hostile file nested 100,000 deep would
  // otherwise overflow the stack. Their errors are reported at the line of the deepest path kept.
  const deep = (): void => {
    let depth = 0;
    do {
      const c = text[i];
      if (c === '"') {
        string();
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      else if (c === '\n') line++;
      i++;
    } while (depth > 0 && i < text.length);
  };
  const value = (path: string, depth = 0): void => {
    skip();
    lines.set(path, line);
    const c = text[i];
    if (depth >= MAX_DEPTH && (c === '{' || c === '[')) {
      deep();
    } else if (c === '{') {
      i++;
      skip();
      while (text[i] !== '}') {
        skip();
        const key = string();
        skip();
        i++; // colon
        value(path === '' ? key : `${path}.${key}`, depth + 1);
        skip();
        if (text[i] === ',') i++;
        skip();
      }
      i++;
    } else if (c === '[') {
      i++;
      skip();
      let index = 0;
      while (text[i] !== ']') {
        value(path === '' ? String(index) : `${path}.${index}`, depth + 1);
        index++;
        skip();
        if (text[i] === ',') i++;
        skip();
      }
      i++;
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
    }
  };
  value('');
  return lines;
}

/** The line of the deepest path that has one. */
export function lineOfPath(lines: Map<string, number>, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const found = lines.get(path.slice(0, n).map(String).join('.'));
    if (found !== undefined) return found;
  }
  return undefined;
}

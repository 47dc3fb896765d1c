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
  const value = (path: string): void => {
    skip();
    lines.set(path, line);
    const c = text[i];
    if (c === '{') {
      i++;
      skip();
      while (text[i] !== '}') {
        skip();
        const key = string();
        skip();
        i++; // colon
        value(path === '' ? key : `${path}.${key}`);
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
        value(path === '' ? String(index) : `${path}.${index}`);
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

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Vega-Lite spec → Vega spec. Vega-Lite warns, and carries on, when it drops an encoding it cannot
 * use; here a warning is an error, so no chart is ever published missing part of what it says.
 */
export function compileSpec(spec: TopLevelSpec): vega.Spec {
  const problems: string[] = [];
  const collect = (...args: unknown[]) => {
    problems.push(args.map(String).join(' '));
    return logger;
  };
  const logger = { level: () => 0, error: collect, warn: collect, info: () => logger, debug: () => logger };
  const compiled = compile(spec, { logger: logger as never }).spec;
  if (problems.length > 0)
    throw new Error(
      `chart spec "${String(spec.description ?? '').slice(0, 60)}" did not compile cleanly: ${problems.join('; ')}`,
    );
  return compiled;
}

/**
 * Compiling and parsing were 60% of chart time, and the charts of one kind differ from region to
 * region only in parts that Vega-Lite and Vega carry through without reading: inline data, the
 * headline, subtitle and description, and the values of top-level parameters. Those parts are cut
 * out and replaced by placeholders; the rest, the chart's shape, is compiled and parsed once, and
 * each chart's own parts are put back into the parsed result.
 */
interface Cut {
  shape: TopLevelSpec;
  slots: { placeholder: string; value: unknown; asData: boolean }[];
}

// A noncharacter: JSON and Vega's code generator write it as it is, so a placeholder reads the same
// wherever it lands. A spec that contains one anyway is not cut (see `runtimeSpec`).
const MARK = '\uffff';
const placeholderFor = (n: number) => `${MARK}slot${n}${MARK}`;
const DATA_KEY = 'slot';

function cutOut(spec: TopLevelSpec): Cut {
  const slots: Cut['slots'] = [];
  const take = (value: unknown, asData: boolean): unknown => {
    const placeholder = placeholderFor(slots.length);
    slots.push({ placeholder, value, asData });
    return asData ? [{ [DATA_KEY]: placeholder }] : placeholder;
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const data = value as { values?: unknown } | null;
      out[key] =
        key === 'data' &&
        data !== null &&
        typeof data === 'object' &&
        Array.isArray(data.values) &&
        // Vega-Lite compiles empty inline data differently, and wraps bare values; only rows of
        // fields are carried through untouched.
        data.values.length > 0 &&
        data.values.every(isRecord)
          ? { ...data, values: take(data.values, true) }
          : walk(value);
    }
    return out;
  };
  const shape = walk(spec) as Record<string, unknown>;
  if (typeof shape.description === 'string') shape.description = take(shape.description, false);
  // Only plain text: a title given as an expression is compiled into code of its own.
  const title = shape.title;
  if (isRecord(title)) {
    shape.title = {
      ...title,
      ...(isText(title.text) ? { text: take(title.text, false) } : {}),
      ...(isText(title.subtitle) ? { subtitle: take(title.subtitle, false) } : {}),
    };
  }
  // Only variables: a selection's value is compiled into data and signals of its own.
  if (Array.isArray(shape.params))
    shape.params = shape.params.map((p: unknown) =>
      isRecord(p) && 'value' in p && !('select' in p) ? { ...p, value: take(p.value, false) } : p,
    );
  return { shape: shape as unknown as TopLevelSpec, slots };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isText(value: unknown): value is string | string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

// A placeholder as data (rows), as a literal in generated code, as a whole value, or anywhere else.
const PLACES = new RegExp(
  `\\[\\{"${DATA_KEY}":"${MARK}slot(\\d+)${MARK}"\\}\\]|\\\\"${MARK}slot(\\d+)${MARK}\\\\"|"${MARK}slot(\\d+)${MARK}"|${MARK}`,
  'g',
);

/**
 * The parsed shape (as JSON) with each placeholder replaced by its value, in one pass, or null if
 * a placeholder landed anywhere but as a whole value or as a literal in generated code (Vega writes
 * titles as code): then the chart is compiled on its own rather than trusted to a text replacement.
 */
function fillIn(parsedShape: string, slots: Cut['slots']): vega.Runtime | null {
  let sound = true;
  const placed = new Set<number>();
  const text = parsedShape.replace(PLACES, (match, data?: string, literal?: string, whole?: string) => {
    const n = data ?? literal ?? whole;
    const slot = n === undefined ? undefined : slots[Number(n)];
    if (!slot || slot.asData !== (data !== undefined)) {
      sound = false;
      return match;
    }
    placed.add(Number(n));
    return literal !== undefined
      ? JSON.stringify(vega.stringValue(slot.value)).slice(1, -1)
      : JSON.stringify(slot.value);
  });
  return sound && placed.size === slots.length ? (JSON.parse(text) as vega.Runtime) : null;
}

// Bounded so that a long `watch` session does not keep every shape it ever saw.
const MAX_SHAPES = 64;
const shapes = new Map<string, string>();

/** What the shape cache did, for the tests. */
export const shapeStats = { parsed: 0, reused: 0, alone: 0 };

/** Vega-Lite spec → Vega's parsed runtime spec, each chart shape compiled and parsed once. */
export function runtimeSpec(spec: TopLevelSpec): vega.Runtime {
  const alone = () => {
    shapeStats.alone++;
    return vega.parse(compileSpec(spec));
  };
  if (JSON.stringify(spec).includes(MARK)) return alone();
  const { shape, slots } = cutOut(spec);
  const key = JSON.stringify(shape);
  let parsed = shapes.get(key);
  if (parsed === undefined) {
    // A shape that does not compile is compiled as the chart itself, so the message names the chart.
    try {
      parsed = JSON.stringify(vega.parse(compileSpec(shape)));
    } catch {
      return alone();
    }
    shapeStats.parsed++;
    if (shapes.size >= MAX_SHAPES) shapes.delete(shapes.keys().next().value as string);
    shapes.set(key, parsed);
  } else shapeStats.reused++;
  return fillIn(parsed, slots) ?? alone();
}

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Vega-Lite spec → Vega spec. Vega-Lite warns, and carries on, when it drops an encoding it cannot
 * use; here a warning is an error, so no chart is ever published missing part of what it says.
 */
export function compileSpec(spec: TopLevelSpec): vega.Spec {
  const problems: string[] = [];
  const logger = vega.logger(vega.Warn);
  const collect = (...args: readonly unknown[]) => {
    problems.push(args.map(String).join(' '));
    return logger;
  };
  logger.error = collect;
  logger.warn = collect;
  const compiled = compile(spec, { logger }).spec;
  if (problems.length > 0)
    throw new Error(
      `chart spec "${String(spec.description ?? '').slice(0, 60)}" did not compile cleanly: ${problems.join('; ')}`,
    );
  return compiled;
}

/**
 * Compiling and parsing were 60% of chart time, and the charts of one kind differ from region to
 * region only in what Vega binds at run time: their rows (named `datasets`, which every spec in
 * `specs/` uses for its data), their headline and subtitle, their description, and the values of
 * top-level variable parameters. The rest, the chart's shape, is compiled and parsed once; each
 * chart gets a View of that parsed shape with its own rows (`view.data`), headline, subtitle and
 * parameters (`view.signal`) and description (`view.description`).
 */
export interface BoundChart {
  /** The chart's shape, compiled and parsed once for every chart that shares it. */
  runtime: vega.Runtime;
  /** Binds this chart's own rows, texts and parameter values into a View of `runtime`. */
  bind(view: vega.View): void;
}

/** Signals the shape's title and subtitle read, so that each chart sets its own. */
const TITLE = 'chart_title';
const SUBTITLE = 'chart_subtitle';

type Text = string | string[];
type Row = Record<string, unknown>;

/** What one chart puts into its shape. */
interface Own {
  rows: [string, Row[]][];
  signals: [string, vega.SignalValue][];
  description: string | undefined;
}

/** A chart split into its shape (the spec less its datasets) and what is its own. */
interface Split {
  /** The chart less its datasets: compiled as it is, so that an error names the chart. */
  shape: TopLevelSpec;
  /** The shape with the chart's own texts and parameter values left out: equal for every chart of a kind. */
  key: string;
  title: Text | undefined;
  subtitle: Text | undefined;
  own: Own;
}

const isRow = (value: unknown): value is Row =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isRows = (value: unknown): value is Row[] => Array.isArray(value) && value.every(isRow);
/** Text to bind: not empty, since Vega-Lite and Vega leave out an empty title or subtitle altogether. */
const isText = (value: unknown): value is Text =>
  (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) &&
  value.length > 0;

/**
 * The parts of a chart bound at run time, and the key of its shape. Null when its datasets are not
 * all rows of fields (bare values or text, which Vega-Lite wraps or parses): then it is compiled on
 * its own. A title written as an expression (compiled into code of its own) and a selection's
 * initial value (compiled into data and signals of its own) are not bound; they stay in the key.
 */
function split(spec: TopLevelSpec): Split | null {
  const { datasets, ...shape } = spec;
  const rows: Own['rows'] = [];
  for (const [name, values] of Object.entries(datasets ?? {})) {
    if (!isRows(values)) return null;
    rows.push([name, values]);
  }
  const signals: Own['signals'] = [];
  const params = spec.params?.map((p) => {
    if ('select' in p || p.expr !== undefined || !('value' in p)) return p;
    signals.push([p.name, p.value]);
    const { value: _, ...rest } = p;
    return rest;
  });
  const heading = typeof spec.title === 'object' && !Array.isArray(spec.title) ? spec.title : undefined;
  const title = isText(heading?.text) ? heading.text : undefined;
  const subtitle = isText(heading?.subtitle) ? heading.subtitle : undefined;
  const key = JSON.stringify({
    ...shape,
    description: null,
    params,
    // Whether there is a subtitle is part of the shape: Vega draws one only when there is.
    title: heading
      ? {
          ...heading,
          text: title === undefined ? heading.text : TITLE,
          subtitle: subtitle === undefined ? heading.subtitle : SUBTITLE,
        }
      : spec.title,
  });
  return { shape, key, title, subtitle, own: { rows, signals, description: spec.description } };
}

/**
 * The compiled shape with its title and subtitle read from signals. Vega-Lite accepts a title only
 * as text or an expression, and a subtitle only as text, so they are made signals in the Vega spec,
 * which takes both (`title.text` and `title.subtitle` as `{signal}`). Null if the compiled title is
 * not where Vega-Lite puts it, or the signals' names are taken.
 */
function withTitleSignals(compiled: vega.Spec, split: Split): vega.Spec | null {
  if (split.title === undefined && split.subtitle === undefined) return compiled;
  const title = compiled.title;
  const taken = (compiled.signals ?? []).some((s) => s.name === TITLE || s.name === SUBTITLE);
  if (typeof title !== 'object' || taken) return null;
  const signals: vega.Signal[] = [];
  const text = split.title === undefined ? title.text : { signal: TITLE };
  if (split.title !== undefined) signals.push({ name: TITLE, value: split.title });
  let subtitle = title.subtitle;
  if (split.subtitle !== undefined) {
    subtitle = { signal: SUBTITLE };
    signals.push({ name: SUBTITLE, value: split.subtitle });
  }
  return {
    ...compiled,
    title: { ...title, text, ...(subtitle === undefined ? {} : { subtitle }) },
    signals: [...(compiled.signals ?? []), ...signals],
  };
}

/**
 * The parsed shape, or null if the compiled shape still holds rows of its own (inline `values`, a
 * selection's initial value): those are in its key, so no other chart shares it, and each View
 * would take them from the parsed shape itself. Such a chart is compiled on its own, and not kept.
 */
function parseShape(split: Split): vega.Runtime | null {
  const compiled = withTitleSignals(compileSpec(split.shape), split);
  if (compiled === null || (compiled.data ?? []).some((d) => 'values' in d)) return null;
  return vega.parse(compiled);
}

// Bounded so that a long `watch` session does not keep every shape it ever saw.
const MAX_SHAPES = 64;
const shapes = new Map<string, vega.Runtime>();

/** What the shape cache did, for the tests. */
export const shapeStats = { parsed: 0, reused: 0, alone: 0 };

/**
 * Vega-Lite spec → its shape parsed (once per shape) and what to bind into a View of it. A View
 * reads the parsed shape and writes nothing into it but its event settings, turned from lists into
 * sets the first time and left so after, so one parsed shape serves every View of its charts.
 */
export function boundChart(spec: TopLevelSpec): BoundChart {
  const alone = (): BoundChart => {
    shapeStats.alone++;
    return { runtime: vega.parse(compileSpec(spec)), bind: () => {} };
  };
  const parts = split(spec);
  if (parts === null) return alone();
  let runtime = shapes.get(parts.key);
  if (runtime === undefined) {
    const parsed = parseShape(parts);
    if (parsed === null) return alone();
    runtime = parsed;
    shapeStats.parsed++;
    if (shapes.size >= MAX_SHAPES) {
      const oldest = shapes.keys().next();
      if (!oldest.done) shapes.delete(oldest.value);
    }
    shapes.set(parts.key, runtime);
  } else shapeStats.reused++;
  const { title, subtitle, own } = parts;
  return {
    runtime,
    bind: (view) => {
      // Vega copies the rows before any transform writes into them (the spec is published as it is).
      for (const [name, rows] of own.rows) view.data(name, rows);
      if (title !== undefined) view.signal(TITLE, title);
      if (subtitle !== undefined) view.signal(SUBTITLE, subtitle);
      for (const [name, value] of own.signals) view.signal(name, value);
      if (own.description !== undefined) view.description(own.description);
    },
  };
}

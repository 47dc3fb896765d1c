import type { TopLevelSpec } from 'vega-lite';
import type { MarkDef } from 'vega-lite/types_unstable/mark.js';
import type { Chart, ChartTable } from '../chart.ts';
import { textWidth } from '../measure-text.ts';
import { CONFIG } from '../theme.ts';

/** Widest a title or subtitle line may run: charts fit an A4 page and a narrow browser window. */
export const TEXT_WIDTH = 560;

/** Breaks text into lines no wider than `width` pixels at `fontSize`, at spaces. */
export function wrap(text: string, fontSize: number, width = TEXT_WIDTH, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Splits a label into two lines of similar length, for narrow column headers. */
export function twoLines(label: string): string[] {
  const words = label.split(' ');
  if (words.length < 2) return [label];
  let best = 1;
  for (let i = 1; i < words.length; i++) {
    const diff = Math.abs(words.slice(0, i).join(' ').length - words.slice(i).join(' ').length);
    if (diff < Math.abs(words.slice(0, best).join(' ').length - words.slice(best).join(' ').length)) best = i;
  }
  return [words.slice(0, best).join(' '), words.slice(best).join(' ')];
}

/** One layer of a layered chart, as Vega-Lite types it. */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];
/** A layer of one mark. */
export type MarkLayer = Extract<Layer, { mark: unknown }>;
/** A layer's encodings, by channel. */
export type Encoding = NonNullable<MarkLayer['encoding']>;
/** How a layer places its marks across (x) or down (y). */
export type Position = NonNullable<Encoding['y']>;
/** A layer of text. */
export type TextLayer = Omit<MarkLayer, 'mark'> & { mark: MarkDef<'text'> };
/** One panel of a concatenated chart. */
export type Panel = Extract<TopLevelSpec, { concat: unknown }>['concat'][number];
/** A chart's rows by the name its views read them with (`data: { name }`): bound at run time, see compile.ts. */
export type Datasets = Record<string, Record<string, unknown>[]>;

/** A table's columns, each headed by its words from the chart's labels template. */
export function columnsOf<K extends string>(
  keys: readonly K[],
  labels: Record<K, string>,
): Array<{ key: K; label: string }> {
  return keys.map((key) => ({ key, label: labels[key] }));
}

export interface Heading {
  title: string;
  subtitle: string;
  description: string;
}

/** Title, subtitle, ARIA description and theme: what every chart carries. */
export function frame(
  heading: Heading,
): Pick<TopLevelSpec, 'title' | 'description' | 'config'> & { $schema: string } {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: wrap(heading.title, 15, TEXT_WIDTH, true), subtitle: wrap(heading.subtitle, 12) },
    description: heading.description,
    config: CONFIG,
  };
}

/** A chart with no data says so in words, in place of an empty frame. */
export function emptyChart(id: string, kind: Chart['kind'], heading: Heading, table: ChartTable): Chart {
  const spec: TopLevelSpec = {
    ...frame(heading),
    datasets: { message: [{ message: heading.description }] },
    width: 480,
    height: 60,
    data: { name: 'message' },
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'middle',
      fontSize: 13,
      fontStyle: 'italic',
      color: '#383f43',
    },
    encoding: { text: { field: 'message', type: 'nominal' }, x: { value: 0 }, y: { value: 30 } },
  };
  return { id, kind, ...heading, empty: true, spec, table };
}

/** A domain around the values with some room, in whole fives, inside 0–100. */
export function paddedDomain(values: readonly number[], room = 4): [number, number] {
  if (values.length === 0) return [0, 100];
  const lo = Math.max(0, Math.floor((Math.min(...values) - room) / 5) * 5);
  const hi = Math.min(100, Math.ceil((Math.max(...values) + room) / 5) * 5);
  return lo === hi ? [Math.max(0, lo - 5), Math.min(100, hi + 5)] : [lo, hi];
}

/**
 * A text layer drawn twice: first as a white outline, then as text, so a label stays legible where
 * it crosses a gridline or the comparator line.
 */
export function withHalo(layer: TextLayer): [MarkLayer, MarkLayer] {
  return [{ ...layer, mark: { ...layer.mark, stroke: 'white', strokeWidth: 3, strokeJoin: 'round' } }, layer];
}

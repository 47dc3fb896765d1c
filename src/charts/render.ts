import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { boundChart } from './compile.ts';
import { textWidth } from './measure-text.ts';

// Vega measures text through this shared object; headless it would estimate 0.8 em per character.
// Giving it the Helvetica metrics makes axis and label layout match what readers see, and keeps it
// the same on every machine, so the same specs give the same bytes.
interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}
interface TextMetrics {
  width(item: TextItem, text: unknown): number;
}
const isTextMetrics = (value: unknown): value is TextMetrics =>
  typeof value === 'object' && value !== null && 'width' in value && typeof value.width === 'function';
// vega exports textMetrics at run time but its typings leave it out.
const metrics = 'textMetrics' in vega ? vega.textMetrics : undefined;
if (!isTextMetrics(metrics))
  throw new Error('vega no longer exports textMetrics: chart text cannot be measured');
metrics.width = (item, text) =>
  textWidth(
    String(text ?? ''),
    item.fontSize ?? 11,
    item.fontWeight === 'bold' || Number(item.fontWeight) >= 600,
  );

/** A loader that refuses every URL and file: chart data is always inline, so nothing may be fetched. */
function refusingLoader(): ReturnType<typeof vega.loader> {
  const loader = vega.loader();
  const refuse = async (uri: string): Promise<never> => {
    throw new Error(`chart tried to load "${uri}"; charts may not read files or URLs`);
  };
  loader.load = refuse;
  loader.sanitize = refuse;
  loader.http = refuse;
  loader.file = refuse;
  return loader;
}

/** Vega-Lite spec → SVG text, headless, with no access to files or the network. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // Vega reports a failed load as a warning and draws on without the data; here any warning or
  // error fails the render, so a chart is never published with part of its data missing.
  const errors: string[] = [];
  const logger = vega.logger(vega.Warn);
  const collect = (...args: readonly unknown[]) => {
    errors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
    return logger;
  };
  logger.error = collect;
  logger.warn = collect;
  const chart = boundChart(spec);
  const view = new vega.View(chart.runtime, {
    renderer: 'none',
    loader: refusingLoader(),
    logger,
  });
  try {
    chart.bind(view);
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(errors.join('; '));
    return svg;
  } finally {
    view.finalize();
  }
}

export { nationalCharts, regionalCharts } from './catalogue.ts';
export { type Chart, type ChartContext, ChartSchema, type ChartWords } from './chart.ts';
export { compileSpec } from './compile.ts';
export { chartFiles } from './files.ts';
export { type PlacedLabel, placeLabels } from './labels.ts';
export { textWidth } from './measure-text.ts';
export { renderSvg } from './render.ts';
export { COLOURS, contrast, DATA_COLOURS } from './theme.ts';

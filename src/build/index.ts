export { type BuildOptions, build, RENDERERS, reportDate, TOOL } from './build.ts';
export type { Content } from './cache.ts';
export type { Effects, Renderers } from './effects.ts';
export { CliError, EXIT, EXIT_SIGNAL, type StopSignal, systemError } from './errors.ts';
export { type BuildEvent, diagnosticEvents, type Emit, FINAL_EVENTS, tallyOf } from './events.ts';
export { DEFAULT_TEMPLATES, fileSystemEffects, type Places } from './fs-effects.ts';
export { type InputFolder, readInputFolder } from './input.ts';
export { type MemoryWorld, memoryEffects } from './memory-effects.ts';
export type { Format } from './pipeline.ts';

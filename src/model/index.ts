export * from './benchmarks.ts';
export * from './diagnostic.ts';
export * from './facts.ts';
export * from './measures.ts';
export * from './plan.ts';
export * from './reference.ts';
export * from './regions.ts';
export * from './sections.ts';

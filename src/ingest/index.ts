export { type IngestResult, type InputDocument, ingest } from './ingest.ts';
export { type ParsedDocument, parsePlan } from './parse-plan.ts';
export { REFERENCE_FILE, type ReferenceResult, readReference } from './reference.ts';

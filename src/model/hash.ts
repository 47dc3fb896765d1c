import { createHash } from 'node:crypto';

/** The hex SHA-256 of some bytes or text: how every stage names a content (plans, inputs, outputs). */
export const sha256 = (content: string | Uint8Array): string =>
  createHash('sha256').update(content).digest('hex');

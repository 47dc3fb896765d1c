/** JSON as published: two-space indent and a final newline, so files diff cleanly and hash stably. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

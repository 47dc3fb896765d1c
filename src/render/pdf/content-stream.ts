/**
 * pdfkit writes each drawing operator to a page's content stream as a Buffer of its own, and joins
 * the thousands of them when the page ends: with embedded fonts and marked content, allocating and
 * joining those small buffers was a twentieth of PDF time, and more in garbage collection. Here a
 * page's operators are kept as strings and written as one, when the page ends or before anything
 * that is not a string: the same bytes, in the same order (pdfkit ends each write with a newline).
 */
interface ContentStream {
  write(chunk: unknown): void;
  end(chunk?: unknown): void;
}

export function batchWrites(content: ContentStream): void {
  const pending: string[] = [];
  const write = content.write.bind(content);
  const end = content.end.bind(content);
  const flush = () => {
    if (pending.length === 0) return;
    write(pending.join('\n'));
    pending.length = 0;
  };
  content.write = (chunk) => {
    if (typeof chunk === 'string') pending.push(chunk);
    else {
      flush();
      write(chunk);
    }
  };
  content.end = (chunk) => {
    flush();
    end(chunk);
  };
}

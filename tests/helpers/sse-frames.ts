/**
 * Reads a text/event-stream body frame by frame (a frame ends at a blank line), for tests of the
 * built-in SSE transport.
 */
export function sseFrameReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';

  return {
    /** The next whole frame without its trailing blank line, or null when the stream has ended. */
    async next(): Promise<string | null> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          return frame;
        }
        const { done, value } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

/** The JSON envelope carried by a `data:` frame. */
export function envelopeOf(frame: string | null): unknown {
  if (frame === null || !frame.startsWith('data: ')) {
    throw new Error(`expected a data frame, got ${JSON.stringify(frame)}`);
  }
  return JSON.parse(frame.slice('data: '.length));
}

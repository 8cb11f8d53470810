import type { EventSourceLike } from '@/components/providers/realtime/sse-connection';

/** An EventSource the test drives by hand: open it, deliver frames, fail it. */
export class FakeEventSource implements EventSourceLike {
  static readonly instances: FakeEventSource[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  /** The channels this stream asked for. */
  get channels(): string[] {
    return (new URL(this.url, 'http://localhost').searchParams.get('channels') ?? '').split(',');
  }

  open(): void {
    this.onopen?.(new Event('open'));
  }

  deliver(data: unknown): void {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    this.onmessage?.(new MessageEvent('message', { data: text }));
  }

  fail(): void {
    this.onerror?.(new Event('error'));
  }

  close(): void {
    this.closed = true;
  }

  static reset(): void {
    FakeEventSource.instances.length = 0;
  }

  static latest(): FakeEventSource {
    const source = FakeEventSource.instances.at(-1);
    if (!source) throw new Error('no EventSource was created');
    return source;
  }
}

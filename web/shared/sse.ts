/**
 * Server-Sent Events over fetch(): EventSource cannot send an Authorization header, so the widget and the
 * console read the stream themselves. The parser follows the WHATWG event-stream rules (fields, comments,
 * CR/LF/CRLF line ends, multi-line data, id persistence, dispatch on a blank line).
 */
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

export class SseParser {
  private buffer = '';
  private eventType = '';
  private data: string[] = [];
  private hasData = false;
  /** The last event id seen; kept across events as the spec says, for Last-Event-ID on reconnect. */
  lastEventId: string | null = null;
  retry: number | null = null;

  constructor(private readonly onEvent: (e: SseEvent) => void) {}

  feed(chunk: string): void {
    this.buffer += chunk;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c === '\n' || c === '\r') {
        // a CR at the very end may be the first half of CRLF: wait for more input
        if (c === '\r' && i === this.buffer.length - 1) break;
        this.line(this.buffer.slice(start, i));
        if (c === '\r' && this.buffer[i + 1] === '\n') i++;
        start = i + 1;
      }
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data.push(value);
        this.hasData = true;
        break;
      case 'id':
        if (!value.includes('\u0000')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break;
    }
  }

  private dispatch(): void {
    if (this.hasData) {
      this.onEvent({ event: this.eventType || 'message', data: this.data.join('\n'), id: this.lastEventId });
    }
    this.eventType = '';
    this.data = [];
    this.hasData = false;
  }
}

export interface StreamOptions {
  url: string;
  headers: () => Promise<Record<string, string>> | Record<string, string>;
  onEvent: (e: SseEvent) => void;
  /** Called with the HTTP status when the server refuses the stream; return true to retry. */
  onRefused?: (status: number) => Promise<boolean> | boolean;
  onOpen?: () => void;
  onDrop?: () => void;
  lastEventId?: string | null;
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * A fetch()-based event stream that reconnects with exponential back-off (and jitter), resuming with
 * Last-Event-ID so nothing is lost or doubled. close() stops it for good.
 */
export class EventStream {
  private controller: AbortController | null = null;
  private closed = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  lastEventId: string | null;

  constructor(private readonly options: StreamOptions) {
    this.lastEventId = options.lastEventId ?? null;
  }

  start(): this {
    void this.connect();
    return this;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.controller?.abort();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const controller = new AbortController();
    this.controller = controller;
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream', ...(await this.options.headers()) };
      if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
      const response = await fetch(this.options.url, { headers, signal: controller.signal, cache: 'no-store' });
      if (!response.ok || !response.body) {
        const retry = this.options.onRefused ? await this.options.onRefused(response.status) : response.status >= 500;
        if (!retry) {
          this.closed = true;
          return;
        }
        throw new Error('stream refused: ' + response.status);
      }
      this.attempt = 0;
      this.options.onOpen?.();
      const parser = new SseParser((e) => {
        if (e.id) this.lastEventId = e.id;
        this.options.onEvent(e);
      });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (_) {
      // network error, abort or refusal: fall through to the reconnect below
    }
    if (this.closed) return;
    this.options.onDrop?.();
    const min = this.options.minDelayMs ?? 500;
    const max = this.options.maxDelayMs ?? 30000;
    const delay = Math.min(max, min * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.timer = setTimeout(() => void this.connect(), delay);
  }
}

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SseEvent, SseParser } from '../../shared/sse';

function parse(...chunks: string[]): { events: SseEvent[]; parser: SseParser } {
  const events: SseEvent[] = [];
  const parser = new SseParser((e) => events.push(e));
  chunks.forEach((c) => parser.feed(c));
  return { events, parser };
}

describe('SseParser', () => {
  it('dispatches named events with their id on a blank line', () => {
    const { events } = parse('id: 3\nevent: message\ndata: {"a":1}\n\n');
    assert.deepEqual(events, [{ event: 'message', data: '{"a":1}', id: '3' }]);
  });

  it('joins an event split across chunks, even inside a CRLF', () => {
    const { events } = parse('id: 4\r', '\nevent: sta', 'tus\r\ndata: x\r\n\r', '\n');
    assert.deepEqual(events, [{ event: 'status', data: 'x', id: '4' }]);
  });

  it('ignores comments (heartbeats) and joins multi-line data', () => {
    const { events } = parse(':keep-alive\n\n', 'data: a\ndata: b\n\n');
    assert.deepEqual(events, [{ event: 'message', data: 'a\nb', id: null }]);
  });

  it('keeps the last id for Last-Event-ID and does not dispatch an event without data', () => {
    const { events, parser } = parse('id: 7\nevent: handoff\n\n');
    assert.deepEqual(events, []);
    assert.equal(parser.lastEventId, '7');
  });

  it('reads retry and tolerates a field without a colon', () => {
    const { events, parser } = parse('retry: 2500\ndata\n\n');
    assert.equal(parser.retry, 2500);
    assert.deepEqual(events, [{ event: 'message', data: '', id: null }]);
  });
});

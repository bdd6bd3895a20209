import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SupportChatClient } from '../src/client';

type Handler = (url: string, init: any) => Response | Promise<Response>;
const calls: Array<{ url: string; init: any }> = [];
let handler: Handler;
const store = new Map<string, string>();

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function sse(text: string): Response {
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

beforeEach(() => {
  calls.length = 0;
  store.clear();
  (globalThis as any).window = { localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) } };
  (globalThis as any).fetch = async (url: string, init: any = {}) => {
    calls.push({ url, init });
    return handler(url, init);
  };
});

afterEach(() => {
  delete (globalThis as any).window;
});

const session = (n: number) => ({ accessToken: 'at-' + n, visitorToken: 'vt-1', identity: { type: 'anonymous' }, config: { operatorLabel: 'Acme Team' } });

describe('SupportChatClient', () => {
  it('keeps the visitor token per widget token and sends it back on the next session', async () => {
    handler = (url) => (url.endsWith('/session') ? json(200, session(1)) : url.endsWith('/settings') ? json(404, {}) : json(200, []));
    await new SupportChatClient({ token: 'wt_a', apiBase: 'http://x' }).start();
    assert.equal(store.get('supportchat:visitor:wt_a'), 'vt-1');
    await new SupportChatClient({ token: 'wt_a', apiBase: 'http://x' }).start();
    const second = calls.filter((c) => c.url.endsWith('/session'))[1];
    assert.equal(JSON.parse(second.init.body).visitorToken, 'vt-1');
  });

  it('renews the access token with the session endpoint on a 401 and retries once', async () => {
    let sessions = 0;
    handler = (url, init) => {
      if (url.endsWith('/session')) return json(200, session(++sessions));
      if (url.endsWith('/settings')) return json(404, {});
      return init.headers.Authorization === 'Bearer at-1' ? json(401, { detail: 'expired' }) : json(200, [{ id: 'c1', status: 'UNRESOLVED' }]);
    };
    const client = new SupportChatClient({ token: 'wt_b', apiBase: 'http://x' });
    await client.start();
    assert.equal(sessions, 2);
    assert.equal(client.conversations.length, 1);
    assert.equal(client.rules.operatorLabel, 'Acme Team');
  });

  it('follows the thread: no duplicates on replay, status from handoff and status entries, CSAT asked once on resolution', async () => {
    const entry = (seq: number, extra: object) => JSON.stringify({ id: 'e' + seq, conversationId: 'c1', seq, author: { type: 'AI' }, text: 't' + seq, createdAt: '2026-01-01T00:00:00Z', ...extra });
    const body = `id: 1\nevent: message\ndata: ${entry(1, { kind: 'MESSAGE' })}\n\n`
      + `id: 1\nevent: message\ndata: ${entry(1, { kind: 'MESSAGE' })}\n\n`
      + `id: 2\nevent: handoff\ndata: ${entry(2, { kind: 'HANDOFF', status: 'ESCALATED', summary: 'needs a person', author: { type: 'SYSTEM' } })}\n\n`
      + `id: 3\nevent: status\ndata: ${entry(3, { kind: 'STATUS', status: 'RESOLVED', author: { type: 'OPERATOR' } })}\n\n`;
    handler = (url) => {
      if (url.endsWith('/session')) return json(200, session(1));
      if (url.endsWith('/events')) return sse(body);
      if (url.endsWith('/settings')) return json(404, {});
      return json(200, [{ id: 'c1', status: 'UNRESOLVED' }]);
    };
    const handoffs: string[] = [];
    let csat = 0;
    const client = new SupportChatClient({ token: 'wt_c', apiBase: 'http://x', onHandoff: (p) => handoffs.push(p.summary!), onCsatRequested: () => csat++ });
    await client.start();
    client.open('c1');
    for (let i = 0; i < 50 && client.messages.length < 3; i++) await new Promise((r) => setTimeout(r, 10));
    client.destroy();
    assert.deepEqual(client.messages.map((m) => m.seq), [1, 2, 3]);
    assert.deepEqual(handoffs, ['needs a person']);
    assert.equal(client.status, 'RESOLVED');
    assert.equal(csat, 1);
  });

  it('fires callbacks once per event: never for history replayed when a thread is opened or reopened', async () => {
    const entry = (seq: number, extra: object) => JSON.stringify({ id: 'h' + seq, conversationId: 'c1', seq, author: { type: 'SYSTEM' }, text: 't' + seq, createdAt: '2026-01-01T00:00:00Z', ...extra });
    // seq 1-3 happened before this page loaded (the list says lastSeq 3); seq 4 happens while it is open
    const history = `id: 1\nevent: message\ndata: ${entry(1, { kind: 'MESSAGE', author: { type: 'VISITOR' } })}\n\n`
      + `id: 2\nevent: handoff\ndata: ${entry(2, { kind: 'HANDOFF', status: 'ESCALATED', summary: 'old handoff' })}\n\n`
      + `id: 3\nevent: status\ndata: ${entry(3, { kind: 'STATUS', status: 'RESOLVED', author: { type: 'OPERATOR' } })}\n\n`;
    const live = `id: 4\nevent: handoff\ndata: ${entry(4, { kind: 'HANDOFF', status: 'ESCALATED', summary: 'new handoff' })}\n\n`;
    handler = (url) => {
      if (url.endsWith('/session')) return json(200, session(1));
      if (url.endsWith('/events')) return sse(history + live);
      if (url.endsWith('/settings')) return json(404, {});
      return json(200, [{ id: 'c1', status: 'RESOLVED', lastSeq: 3 }]);
    };
    const handoffs: string[] = [];
    const statuses: string[] = [];
    let csat = 0;
    let messages = 0;
    const client = new SupportChatClient({
      token: 'wt_c', apiBase: 'http://x',
      onHandoff: (p) => handoffs.push(p.summary!), onStatus: (s) => statuses.push(s),
      onCsatRequested: () => csat++, onMessage: () => messages++,
    });
    await client.start();
    client.open('c1');
    for (let i = 0; i < 50 && client.messages.length < 4; i++) await new Promise((r) => setTimeout(r, 10));
    // the stream ends after each body and reconnects: give it a few replays
    await new Promise((r) => setTimeout(r, 100));
    client.leave();
    client.open('c1');
    for (let i = 0; i < 50 && client.messages.length < 4; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    client.destroy();

    assert.deepEqual(client.messages.map((m) => m.seq), [1, 2, 3, 4]);
    assert.deepEqual(handoffs, ['new handoff']);
    assert.deepEqual(statuses, ['ESCALATED']);
    assert.equal(csat, 0);
    assert.equal(messages, 0);
    assert.equal(client.status, 'ESCALATED');
  });
});

describe('EventStream', () => {
  it('reconnects after the stream ends and resumes with Last-Event-ID', async () => {
    const { EventStream } = await import('../../shared/sse');
    const seen: string[] = [];
    const headers: Array<Record<string, string>> = [];
    let n = 0;
    (globalThis as any).fetch = async (_url: string, init: any) => {
      headers.push(init.headers);
      n++;
      return sse(n === 1 ? 'id: 1\nevent: message\ndata: a\n\nid: 2\nevent: message\ndata: b\n\n' : 'id: 3\nevent: message\ndata: c\n\n');
    };
    const drops: number[] = [];
    const stream = new EventStream({ url: 'http://x/events', headers: () => ({ Authorization: 'Bearer t' }), onEvent: (e) => seen.push(e.data), onDrop: () => drops.push(1), minDelayMs: 10 }).start();
    for (let i = 0; i < 100 && seen.length < 3; i++) await new Promise((r) => setTimeout(r, 10));
    stream.close();
    assert.deepEqual(seen.slice(0, 3), ['a', 'b', 'c']);
    assert.equal(headers[0]['Last-Event-ID'], undefined);
    assert.equal(headers[1]['Last-Event-ID'], '2');
    assert.equal(headers[1].Authorization, 'Bearer t');
    assert.ok(drops.length >= 1);
  });
});

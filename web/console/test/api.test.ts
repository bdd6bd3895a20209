import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, refreshSession, session, whenUnauthorized } from '../src/api';

const store = new Map<string, string>();
const calls: Array<{ url: string; auth?: string }> = [];
let refreshOk = true;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

beforeEach(() => {
  store.clear();
  calls.length = 0;
  refreshOk = true;
  (globalThis as any).sessionStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k),
  };
  (globalThis as any).fetch = async (url: string, init: any = {}) => {
    calls.push({ url, auth: init.headers?.Authorization });
    if (url === '/api/v1/auth/refresh') {
      return refreshOk ? json(200, { accessToken: 'fresh', operator: { id: 'op-1' } }) : json(401, { type: 'x', title: 'Unauthorized' });
    }
    // only the fresh token is still valid
    return init.headers?.Authorization === 'Bearer fresh' ? json(200, { ok: true }) : json(401, { title: 'Unauthorized' });
  };
});

describe('console session', () => {
  it('renews an expired access token with the refresh cookie and retries the call once', async () => {
    session.save('expired', { id: 'op-1' } as any);
    let unauthorized = 0;
    whenUnauthorized(() => unauthorized++);

    const body = await api('/api/v1/conversations');

    assert.deepEqual(body, { ok: true });
    assert.deepEqual(calls.map((c) => c.url), ['/api/v1/conversations', '/api/v1/auth/refresh', '/api/v1/conversations']);
    assert.equal(calls[2].auth, 'Bearer fresh');
    assert.equal(session.token, 'fresh');
    assert.equal(unauthorized, 0);
  });

  it('signs out when the session has ended, without looping', async () => {
    session.save('expired', { id: 'op-1' } as any);
    refreshOk = false;
    let unauthorized = 0;
    whenUnauthorized(() => unauthorized++);

    await assert.rejects(api('/api/v1/conversations'), (e: any) => e.status === 401);

    assert.deepEqual(calls.map((c) => c.url), ['/api/v1/conversations', '/api/v1/auth/refresh']);
    assert.equal(unauthorized, 1);
  });

  it('shares one refresh among concurrent callers', async () => {
    await Promise.all([refreshSession(), refreshSession(), refreshSession()]);
    assert.equal(calls.filter((c) => c.url === '/api/v1/auth/refresh').length, 1);
  });
});

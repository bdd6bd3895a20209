/** The console's HTTP client: bearer token from sessionStorage, problem details turned into readable errors. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly problem?: any) {
    super(message);
  }
}

const TOKEN_KEY = 'supportchat.console.token';
const OPERATOR_KEY = 'supportchat.console.operator';

export interface Operator {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
  orgId: string;
  active: boolean;
  createdAt: string;
}

export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  get operator(): Operator | null {
    try {
      return JSON.parse(sessionStorage.getItem(OPERATOR_KEY) || 'null');
    } catch (_) {
      return null;
    }
  },
  save(token: string, operator: Operator): void {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(OPERATOR_KEY, JSON.stringify(operator));
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(OPERATOR_KEY);
  },
};

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the httpOnly refresh cookie (set at login, unreadable by scripts) for a new 15-minute access token;
 * concurrent callers share one exchange. False when the session has ended (logout, expiry, deactivation).
 */
export function refreshSession(): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      try {
        const response = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (!response.ok) return false;
        const body = await response.json();
        session.save(body.accessToken, body.operator);
        return true;
      } catch (_) {
        return false;
      }
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** Signs out: the refresh cookie stops working everywhere (other tabs too) and the token is forgotten here. */
export async function endSession(): Promise<void> {
  try {
    await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'same-origin' });
  } catch (_) {
    // offline: the cookie expires on its own; this tab forgets the token anyway
  }
  session.clear();
}

const SESSION_PATHS = ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout'];

let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export async function api<T = any>(path: string, init: { method?: string; body?: unknown } = {}, retried = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (session.token) headers.Authorization = 'Bearer ' + session.token;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method: init.method || 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  } catch (_) {
    throw new ApiError('The server cannot be reached. Check your connection and try again.', 0);
  }
  const text = await response.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (_) {
    json = null;
  }
  if (!response.ok) {
    if (response.status === 401 && !SESSION_PATHS.includes(path)) {
      // the access token ran out (15 minutes): renew it with the refresh cookie and try once more
      if (!retried && (await refreshSession())) return api<T>(path, init, true);
      onUnauthorized();
    }
    const detail = json?.detail || json?.title || `${response.status} ${response.statusText}`;
    throw new ApiError(detail, response.status, json);
  }
  return json as T;
}

export function uuid(): string {
  return crypto.randomUUID ? crypto.randomUUID() : 'c-' + Date.now() + Math.random().toString(36).slice(2);
}

import { EventStream } from '../../shared/sse';
import {
  Conversation, ConversationStatus, Identity, Message, SessionRules, WidgetError, WidgetOptions,
} from './types';

export const DEFAULT_RULES: SessionRules = {
  allowMultipleOpen: true,
  showConversationList: true,
  firstTimeStraightToChat: false,
  visitorCanClose: false,
  helpfulPrompt: true,
  operatorLabel: 'Support Agent',
};

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch (_) {
    return null;
  }
}

function uuid(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return 'm-' + Date.now().toString(36) + Math.random().toString(36).slice(2);
}

/** The browser facts the console shows the operator; all of them untrusted. */
function metadata(): Record<string, string> {
  const m: Record<string, string> = {};
  try {
    m.browser = navigator.userAgent;
    m.timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (document.referrer) m.referrer = document.referrer;
    m.pageUrl = location.href;
    m.locale = navigator.language;
  } catch (_) {
    /* not in a browser */
  }
  return m;
}

/**
 * The headless widget: a session, the visitor's conversations, the live thread of the open one. The UI
 * (ui.ts) is one user of it; customers can build their own on `SupportChat.createClient(options)`.
 */
export class SupportChatClient {
  readonly apiBase: string;
  identity: Identity | null = null;
  rules: SessionRules = { ...DEFAULT_RULES };
  conversations: Conversation[] = [];
  current: Conversation | null = null;
  messages: Message[] = [];
  /**
   * Per conversation, the highest seq whose callbacks (onHandoff, onStatus, onCsatRequested, onMessage) have
   * fired or belong to history: opening a thread replays it from the start, and a page that shows a form on
   * handoff must not show it again for an old handoff on every reload or reopening.
   */
  private announcedUpTo = new Map<string, number>();
  connected = false;

  private accessToken: string | null = null;
  private renewing: Promise<void> | null = null;
  private stream: EventStream | null = null;
  private userData: { name?: string; email?: string; extra?: Record<string, string> } | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(readonly options: WidgetOptions) {
    if (!options || !options.token) throw new Error('SupportChat: options.token (the widget token) is required');
    this.apiBase = (options.apiBase || '').replace(/\/$/, '');
    // prefilled details identify the visitor at once, unless the collection form is on: then they only
    // fill its fields and the visitor confirms them
    const prefill = options.prefillUserData;
    if (prefill && (prefill.name || prefill.email) && !options.collectUserData) {
      this.userData = { ...prefill };
    }
  }

  /** Re-render hook for UIs: called after every state change. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.listeners.forEach((l) => l());
  }

  private get visitorKey(): string {
    return 'supportchat:visitor:' + this.options.token;
  }

  /** Starts (or renews) the session, then loads the session rules and the conversations. */
  async start(): Promise<void> {
    await this.session();
    await Promise.all([this.loadRules(), this.refreshConversations()]);
    this.options.onReady?.({ identity: this.identity!, rules: this.rules });
    this.changed();
  }

  /** Name, email and extra fields typed by the visitor (non-verified, stored as untrusted). */
  async identify(user: { name?: string; email?: string; extra?: Record<string, string> }): Promise<void> {
    this.userData = user;
    await this.session();
    this.changed();
  }

  get needsUserData(): boolean {
    return !!this.options.collectUserData && this.identity?.type === 'anonymous';
  }

  private async session(): Promise<void> {
    const body: Record<string, unknown> = { widgetToken: this.options.token, metadata: metadata() };
    const visitorToken = storage()?.getItem(this.visitorKey);
    if (visitorToken) body.visitorToken = visitorToken;
    if (this.options.user?.token) body.userToken = this.options.user.token;
    if (this.options.user?.externalId) body.externalId = this.options.user.externalId;
    if (this.userData) body.user = this.userData;
    const response = await fetch(this.apiBase + '/widget/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await this.parse(response);
    this.accessToken = json.accessToken;
    this.identity = json.identity;
    if (json.visitorToken) storage()?.setItem(this.visitorKey, json.visitorToken);
    if (json.config?.operatorLabel) this.rules.operatorLabel = json.config.operatorLabel;
  }

  private renew(): Promise<void> {
    if (!this.renewing) {
      this.renewing = this.session().finally(() => {
        this.renewing = null;
      });
    }
    return this.renewing;
  }

  private async parse(response: Response): Promise<any> {
    const text = await response.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (_) {
      json = null;
    }
    if (!response.ok) {
      const detail = json?.detail || json?.title || response.statusText || 'Request failed';
      const error = new WidgetError(detail, response.status, json || undefined);
      this.options.onError?.(error);
      throw error;
    }
    return json;
  }

  /** An authorised call; a 401 renews the access token with the session endpoint once and retries. */
  async api(path: string, init: RequestInit = {}, retried = false): Promise<any> {
    if (!this.accessToken) await this.renew();
    const headers: Record<string, string> = { Authorization: 'Bearer ' + this.accessToken };
    if (init.body) headers['Content-Type'] = 'application/json';
    const response = await fetch(this.apiBase + path, { ...init, headers: { ...headers, ...(init.headers as any) } });
    if (response.status === 401 && !retried) {
      await this.renew();
      return this.api(path, init, true);
    }
    return this.parse(response);
  }

  private async loadRules(): Promise<void> {
    try {
      const response = await fetch(this.apiBase + '/widget/v1/settings', {
        headers: { Authorization: 'Bearer ' + this.accessToken },
      });
      if (response.ok && (response.headers.get('content-type') || '').includes('json')) {
        this.rules = { ...DEFAULT_RULES, ...this.rules, ...(await response.json()) };
      }
    } catch (_) {
      // the defaults (and the session's operatorLabel) stand in
    }
    if (this.options.thisWasHelpfulOrNot === false) this.rules.helpfulPrompt = false;
  }

  async refreshConversations(): Promise<Conversation[]> {
    this.conversations = (await this.api('/widget/v1/conversations')) || [];
    this.changed();
    return this.conversations;
  }

  get hasOpenConversation(): boolean {
    return this.conversations.some((c) => c.status !== 'RESOLVED');
  }

  get canStartConversation(): boolean {
    return this.rules.allowMultipleOpen || !this.hasOpenConversation;
  }

  /** Opens a conversation: replays its thread over the event stream, then follows it live. */
  open(conversationId: string): void {
    this.closeStream();
    this.current = this.conversations.find((c) => c.id === conversationId) || ({ id: conversationId, status: 'UNRESOLVED' } as Conversation);
    this.markHistory(this.current);
    this.messages = [];
    this.follow(conversationId, null);
    this.changed();
  }

  /** Leaves the current conversation (back to the list) without closing it. */
  leave(): void {
    this.closeStream();
    this.current = null;
    this.messages = [];
    this.changed();
  }

  /** The visitor starts a conversation by sending its first message. */
  async startConversation(text: string): Promise<Conversation> {
    const clientMessageId = uuid();
    const conversation: Conversation = await this.api('/widget/v1/conversations', {
      method: 'POST',
      body: JSON.stringify({ clientMessageId, text }),
    });
    this.conversations = [conversation, ...this.conversations.filter((c) => c.id !== conversation.id)];
    this.closeStream();
    this.current = conversation;
    this.markHistory(conversation);
    this.messages = conversation.firstMessage ? [conversation.firstMessage] : [];
    this.follow(conversation.id, null);
    this.changed();
    return conversation;
  }

  /** Sends a message in the open conversation (or starts one); retried sends reuse the clientMessageId. */
  async send(text: string, clientMessageId = uuid()): Promise<Message | Conversation> {
    const trimmed = text.trim();
    if (!trimmed) throw new Error('empty message');
    if (!this.current) return this.startConversation(trimmed);
    const id = this.current.id;
    const optimistic: Message = {
      id: 'local-' + clientMessageId, conversationId: id, seq: Number.MAX_SAFE_INTEGER, clientMessageId,
      author: { type: 'VISITOR' }, text: trimmed, createdAt: new Date().toISOString(), pending: true,
    };
    this.upsert(optimistic);
    try {
      const stored: Message = await this.api(`/widget/v1/conversations/${id}/messages`, {
        method: 'POST',
        body: JSON.stringify({ clientMessageId, text: trimmed }),
      });
      this.upsert(stored);
      return stored;
    } catch (error) {
      optimistic.failed = true;
      optimistic.pending = false;
      this.changed();
      throw error;
    }
  }

  async retry(message: Message): Promise<void> {
    this.messages = this.messages.filter((m) => m !== message);
    await this.send(message.text, message.clientMessageId);
  }

  async resolve(): Promise<void> {
    if (!this.current) return;
    const updated: Conversation = await this.api(`/widget/v1/conversations/${this.current.id}/resolve`, { method: 'POST' });
    this.updateConversation(updated);
  }

  async requestHandoff(): Promise<void> {
    if (!this.current) return;
    await this.api(`/widget/v1/conversations/${this.current.id}/handoff`, { method: 'POST' });
  }

  async helpful(messageId: string, helpful: boolean): Promise<void> {
    const conversationId = this.messages.find((m) => m.id === messageId)?.conversationId || this.current?.id;
    await this.api(`/widget/v1/conversations/${conversationId}/feedback`, {
      method: 'POST',
      body: JSON.stringify({ messageId, helpful }),
    });
  }

  async rate(rating: number, comment?: string, conversationId = this.current?.id): Promise<void> {
    await this.api(`/widget/v1/conversations/${conversationId}/feedback`, {
      method: 'POST',
      body: JSON.stringify(comment ? { rating, comment } : { rating }),
    });
  }

  /** Stops the live stream; the session stays in localStorage. */
  destroy(): void {
    this.closeStream();
    this.listeners.clear();
  }

  private closeStream(): void {
    this.stream?.close();
    this.stream = null;
    this.setConnected(false);
  }

  private setConnected(connected: boolean): void {
    if (this.connected !== connected) {
      this.connected = connected;
      this.options.onConnectionChange?.(connected);
      this.changed();
    }
  }

  private follow(conversationId: string, lastEventId: string | null): void {
    this.stream = new EventStream({
      url: `${this.apiBase}/widget/v1/conversations/${conversationId}/events`,
      lastEventId,
      headers: async () => {
        if (!this.accessToken) await this.renew();
        return { Authorization: 'Bearer ' + this.accessToken };
      },
      onRefused: async (status) => {
        if (status === 401) {
          await this.renew();
          return true;
        }
        return status >= 500 || status === 429;
      },
      onOpen: () => this.setConnected(true),
      onDrop: () => this.setConnected(false),
      onEvent: (e) => {
        if (!this.current || this.current.id !== conversationId) return;
        let entry: Message;
        try {
          entry = JSON.parse(e.data);
        } catch (_) {
          return;
        }
        this.receive(e.event, entry);
      },
    }).start();
  }

  /** What the conversation held when it was listed (or created) is history: replaying it fires no callback. */
  private markHistory(conversation: Conversation): void {
    const known = Math.max(conversation.lastSeq || 0, conversation.firstMessage?.seq || 0);
    this.announcedUpTo.set(conversation.id, Math.max(this.announcedUpTo.get(conversation.id) || 0, known));
  }

  private receive(event: string, entry: Message): void {
    const isNew = !this.messages.some((m) => m.id === entry.id);
    this.upsert(entry);
    if (!isNew) return;
    const conversationId = entry.conversationId;
    const announced = this.announcedUpTo.get(conversationId) || 0;
    if (entry.seq <= announced) {
      // replayed history: the thread shows it, the page's callbacks saw it (or it happened before this page)
      if (entry.status && this.current && this.current.id === conversationId) {
        this.updateConversation({ ...this.current, status: entry.status });
      }
      if (event === 'handoff' && this.current) this.current.handoff = { summary: entry.summary, trigger: entry.trigger };
      return;
    }
    this.announcedUpTo.set(conversationId, entry.seq);
    // status and handoff entries carry the conversation's status after them
    const changed = !!entry.status && entry.status !== this.current?.status;
    if (entry.status && this.current) this.updateConversation({ ...this.current, status: entry.status });
    if (changed && entry.status) {
      this.options.onStatus?.(entry.status, conversationId, entry);
      if (entry.status === 'RESOLVED') this.options.onCsatRequested?.(conversationId);
    }
    if (event === 'handoff') {
      if (this.current) this.current.handoff = { summary: entry.summary, trigger: entry.trigger };
      this.options.onHandoff?.({ conversationId, summary: entry.summary, trigger: entry.trigger, message: entry });
    } else if (event === 'message') {
      this.options.onMessage?.(entry);
    }
  }

  private upsert(entry: Message): void {
    const index = this.messages.findIndex((m) => m.id === entry.id
      || (!!entry.clientMessageId && m.clientMessageId === entry.clientMessageId && m.author.type === entry.author.type));
    if (index >= 0) this.messages[index] = { ...entry };
    else this.messages.push(entry);
    this.messages.sort((a, b) => a.seq - b.seq);
    if (this.current && entry.seq !== Number.MAX_SAFE_INTEGER) {
      this.current.lastSeq = Math.max(this.current.lastSeq || 0, entry.seq);
    }
    this.changed();
  }

  private updateConversation(updated: Conversation): void {
    this.conversations = this.conversations.map((c) => (c.id === updated.id ? { ...c, ...updated } : c));
    if (this.current?.id === updated.id) this.current = { ...this.current, ...updated };
    this.changed();
  }

  /** The status the thread shows (live entries win over the list's snapshot). */
  get status(): ConversationStatus | null {
    return this.current?.status ?? null;
  }
}

import { api, ApiError, session, uuid } from './api';
import { ago, h, humanize, mount, when } from './dom';
import { live, LiveEntry } from './live';
import { toast } from './ui';

interface Customer { key: string; identityType: string; name?: string; email?: string; externalId?: string;
  metadata?: Record<string, any>; trustedData?: Record<string, any>; untrustedData?: Record<string, any> }
interface ConversationView { id: string; status: string; createdAt: string; lastActivityAt?: string; lastMessagePreview?: string;
  handoff?: { trigger?: string; summary?: string }; assignee?: { displayName?: string } }
interface Group { customer: Customer; conversationCount: number; lastActivityAt?: string; lastMessagePreview?: string; status?: string; conversations: ConversationView[] }
interface Entry { id: string; seq: number; kind: string; author: { type: string; displayName?: string }; text?: string; createdAt: string; summary?: string; trigger?: string; status?: string }

const STATUS_LABEL: Record<string, string> = { UNRESOLVED: 'AI responding', ESCALATED: 'Needs a human', RESOLVED: 'Resolved' };

function badge(status?: string) {
  return status ? h('span', { class: 'badge ' + status }, STATUS_LABEL[status] || status) : null;
}

function customerName(c: Customer): string {
  return c.name || c.email || (c.identityType === 'anonymous' ? 'Anonymous visitor' : 'Visitor');
}

function initials(c: Customer): string {
  const n = customerName(c);
  return n.split(/\s+/).map((p) => p[0]).join('').slice(0, 2).toUpperCase();
}

/** Inbox (left) and, when a conversation is selected, its detail (right). Both follow the live stream. */
export function inboxView(target: HTMLElement, selectedId: string | null): () => void {
  let filter = sessionStorage.getItem('supportchat.console.filter') || '';
  let groups: Group[] = [];
  let loadError = '';
  let detail: { conversation: ConversationView; customer: Customer; messages: Entry[] } | null = null;
  let detailError = '';
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  const listPane = h('section', { class: 'inbox', 'aria-label': 'Inbox' });
  const detailPane = h('section', { class: 'detail', 'aria-label': 'Conversation' });
  mount(target, h('div', { class: 'split' }, listPane, detailPane));
  const draft = h('textarea', { id: 'reply', rows: 3, placeholder: 'Reply to the customer… (Enter to send, Shift+Enter for a new line)', 'aria-label': 'Reply' });

  let nextCursor: string | null = null;
  let pages = 1;

  async function loadInbox() {
    try {
      // reload as many pages as are shown, so a live update does not collapse "load more"
      let cursor: string | null = null;
      const all: Group[] = [];
      for (let i = 0; i < pages; i++) {
        const page: { groups: Group[]; nextCursor?: string } = await api('/api/v1/conversations?limit=50' + (filter ? '&status=' + filter : '')
          + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
        all.push(...(page.groups || []));
        cursor = page.nextCursor || null;
        if (!cursor) break;
      }
      groups = all;
      nextCursor = cursor;
      loadError = '';
    } catch (e) {
      loadError = (e as Error).message;
    }
    renderList();
  }

  function scheduleInboxReload() {
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void loadInbox(), 250);
  }

  async function loadDetail() {
    if (!selectedId) {
      detail = null;
      renderDetail();
      return;
    }
    try {
      detail = await api(`/api/v1/conversations/${selectedId}`);
      detailError = '';
    } catch (e) {
      detailError = (e as Error).message;
      detail = null;
    }
    renderDetail();
  }

  function renderList() {
    const select = h('select', { id: 'status-filter', 'aria-label': 'Filter by status', onchange: (e: Event) => {
      filter = (e.target as HTMLSelectElement).value;
      pages = 1;
      sessionStorage.setItem('supportchat.console.filter', filter);
      void loadInbox();
    } }, ['', 'UNRESOLVED', 'ESCALATED', 'RESOLVED'].map((s) => h('option', { value: s, selected: s === filter }, s ? STATUS_LABEL[s] : 'All conversations')));
    mount(listPane,
      h('div', { class: 'pane-head' }, h('h1', null, 'Inbox'), select),
      loadError ? h('p', { class: 'error', role: 'alert' }, loadError) : null,
      groups.length === 0 && !loadError ? h('p', { class: 'muted empty' }, 'No conversations here yet.') : null,
      h('ul', { class: 'groups' }, groups.map((g) => h('li', { class: 'group' },
        h('div', { class: 'group-head' },
          h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(g.customer)),
          h('div', { class: 'who' },
            h('strong', null, customerName(g.customer)),
            h('span', { class: 'muted small' }, [g.customer.email && g.customer.name ? g.customer.email + ' · ' : '', identityLabel(g.customer.identityType)])),
          h('span', { class: 'count', title: 'Conversations' }, String(g.conversationCount))),
        h('ul', { class: 'convs' }, g.conversations.map((c) => h('li', null,
          h('a', { class: 'conv' + (c.id === selectedId ? ' selected' : ''), href: '#/conversations/' + c.id, 'data-id': c.id, 'data-status': c.status, 'aria-current': c.id === selectedId ? 'page' : null },
            h('span', { class: 'row' }, badge(c.status), h('span', { class: 'muted small' }, ago(c.lastActivityAt || c.createdAt))),
            h('span', { class: 'preview' }, c.lastMessagePreview || '(no messages)')))))))),
      nextCursor ? h('div', { class: 'more' }, h('button', { class: 'btn', id: 'load-more', onclick: () => { pages++; void loadInbox(); } }, 'Load more')) : null);
  }

  function identityLabel(t: string) {
    return t === 'verified' ? 'Verified' : t === 'non_verified' ? 'Not verified' : 'Anonymous';
  }

  async function act(action: string) {
    if (!selectedId) return;
    try {
      await api(`/api/v1/conversations/${selectedId}/${action}`, { method: 'POST' });
      toast(`Conversation ${action === 'claim' ? 'claimed' : action === 'release' ? 'handed back to the AI' : action + 'd'}`);
      await Promise.all([loadDetail(), loadInbox()]);
    } catch (e) {
      toast((e as Error).message, true);
    }
  }

  async function reply() {
    const text = draft.value.trim();
    if (!text || !selectedId) return;
    draft.disabled = true;
    try {
      await api(`/api/v1/conversations/${selectedId}/messages`, { method: 'POST', body: { clientMessageId: uuid(), text } });
      draft.value = '';
      await loadDetail();
    } catch (e) {
      toast((e as Error).message, true);
    } finally {
      draft.disabled = false;
      draft.focus();
    }
  }

  function kv(obj: Record<string, any> | undefined) {
    const entries = Object.entries(obj || {}).filter(([, v]) => v !== null && v !== undefined && v !== '');
    if (!entries.length) return h('p', { class: 'muted small' }, 'None');
    return h('dl', { class: 'kv' }, entries.map(([k, v]) => [h('dt', null, humanize(k)), h('dd', null, typeof v === 'object' ? JSON.stringify(v) : String(v))]));
  }

  function renderDetail() {
    if (!selectedId) {
      mount(detailPane, h('div', { class: 'placeholder' }, h('h2', null, 'Select a conversation'), h('p', { class: 'muted' }, 'Conversations needing a human are marked “Needs a human”.')));
      return;
    }
    if (!detail) {
      mount(detailPane, detailError ? h('p', { class: 'error', role: 'alert' }, detailError) : h('p', { class: 'muted' }, 'Loading…'));
      return;
    }
    const { conversation: c, customer, messages } = detail;
    const me = session.operator;
    const assignedToMe = c.assignee?.displayName && me && c.assignee.displayName === me.name;
    const open = c.status !== 'RESOLVED';
    const meta = customer.metadata || {};
    const thread = h('ol', { class: 'thread', 'aria-label': 'Messages', 'aria-live': 'polite' }, messages.map((m) => {
      if (m.kind !== 'MESSAGE' || m.author.type === 'SYSTEM') {
        return h('li', { class: 'entry system' + (m.kind === 'HANDOFF' ? ' handoff' : ''), 'data-kind': m.kind },
          h('span', null, m.text),
          m.kind === 'HANDOFF' && m.summary ? h('span', { class: 'summary' }, 'Summary: ' + m.summary) : null,
          h('time', { class: 'muted small' }, when(m.createdAt)));
      }
      const who = m.author.type === 'VISITOR' ? customerName(customer) : m.author.type === 'AI' ? 'AI assistant' : (m.author.displayName || 'Operator');
      return h('li', { class: 'entry msg ' + m.author.type, 'data-author': m.author.type },
        h('div', { class: 'entry-head' }, h('strong', null, who), h('time', { class: 'muted small' }, when(m.createdAt))),
        h('div', { class: 'text' }, m.text || ''));
    }));
    mount(detailPane,
      h('div', { class: 'detail-head' },
        h('div', null,
          h('h2', null, customerName(customer)),
          h('div', { class: 'row' }, badge(c.status), c.assignee ? h('span', { class: 'muted small' }, 'Assigned to ' + c.assignee.displayName) : h('span', { class: 'muted small' }, 'Unassigned'))),
        h('div', { class: 'actions', role: 'toolbar', 'aria-label': 'Conversation actions' },
          c.status === 'UNRESOLVED' ? h('button', { class: 'btn', id: 'escalate', onclick: () => act('escalate') }, 'Escalate') : null,
          open && !assignedToMe ? h('button', { class: 'btn', id: 'claim', onclick: () => act('claim') }, 'Claim') : null,
          c.status === 'ESCALATED' ? h('button', { class: 'btn', id: 'release', onclick: () => act('release') }, 'Hand back to AI') : null,
          open ? h('button', { class: 'btn primary', id: 'resolve', onclick: () => act('resolve') }, 'Resolve') : null)),
      h('div', { class: 'detail-body' },
        h('div', { class: 'thread-col' },
          c.handoff?.summary ? h('div', { class: 'callout' }, h('strong', null, 'Handoff summary'), h('p', null, c.handoff.summary), c.handoff.trigger ? h('span', { class: 'muted small' }, 'Trigger: ' + humanize(c.handoff.trigger)) : null) : null,
          thread,
          open ? h('form', { class: 'composer', onsubmit: (e: Event) => { e.preventDefault(); void reply(); } },
            draft,
            h('button', { class: 'btn primary', type: 'submit', id: 'send-reply' }, 'Send')) : h('p', { class: 'muted' }, 'This conversation is resolved.')),
        h('aside', { class: 'customer', 'aria-label': 'Customer' },
          h('h3', null, 'Customer'),
          h('dl', { class: 'kv' },
            h('dt', null, 'Identity'), h('dd', null, h('span', { class: 'badge id-' + customer.identityType }, identityLabel(customer.identityType))),
            customer.email ? [h('dt', null, 'Email'), h('dd', null, customer.email)] : null,
            customer.externalId ? [h('dt', null, 'Account'), h('dd', null, customer.externalId)] : null),
          h('h3', null, 'Browser'),
          kv({ browser: meta.browser, timezone: meta.timezone, referrer: meta.referrer, page: meta.pageUrl, locale: meta.locale }),
          h('h3', null, 'Trusted data ', h('span', { class: 'badge trusted' }, 'from your server')),
          kv(customer.trustedData),
          h('h3', null, 'Untrusted data ', h('span', { class: 'badge untrusted' }, 'typed in the browser')),
          kv(customer.untrustedData))));
    thread.scrollTop = thread.scrollHeight;
    document.querySelector(`#alerts [data-id="${selectedId}"]`)?.remove();
  }

  draft.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void reply();
    }
  });

  const offLive = live.on((event: string, entry: LiveEntry) => {
    scheduleInboxReload();
    if (entry.conversationId === selectedId && detail) {
      if (!detail.messages.some((m) => m.id === entry.id)) {
        if (event === 'message' && entry.kind === 'MESSAGE') {
          detail.messages.push(entry as unknown as Entry);
          detail.messages.sort((a, b) => a.seq - b.seq);
          renderDetail();
        } else {
          void loadDetail();
        }
      }
    }
  });
  const offReconnect = live.onReconnect(() => {
    void loadInbox();
    void loadDetail();
  });
  renderList();
  renderDetail();
  void loadInbox();
  void loadDetail();
  return () => {
    offLive();
    offReconnect();
    if (reloadTimer) clearTimeout(reloadTimer);
  };
}

export type { ApiError };

import { SupportChatClient } from './client';
import { styles } from './styles';
import { Conversation, ExtraField, Message, WidgetError, WidgetOptions } from './types';

type View = 'loading' | 'form' | 'list' | 'chat' | 'error';

const ICON_CHAT = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';
const ICON_CLOSE = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" aria-hidden="true"><path d="M18 6 6 18M6 6l12 12"/></svg>';
const ICON_BACK = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="m15 18-6-6 6-6"/></svg>';
const ICON_SEND = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="m22 2-7 20-4-9-9-4z"/><path d="M22 2 11 13"/></svg>';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false) continue;
    if (k === 'html') node.innerHTML = String(v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) node.append(c);
  return node;
}

function time(iso?: string): string {
  if (!iso) return '';
  try {
    return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  } catch (_) {
    return '';
  }
}

function field(f: string | ExtraField): ExtraField {
  return typeof f === 'string' ? { key: f, label: f.charAt(0).toUpperCase() + f.slice(1) } : f;
}

const local = {
  get(key: string): string[] {
    try {
      return JSON.parse(localStorage.getItem(key) || '[]');
    } catch (_) {
      return [];
    }
  },
  add(key: string, value: string): void {
    try {
      localStorage.setItem(key, JSON.stringify([...local.get(key), value].slice(-200)));
    } catch (_) {
      /* private mode */
    }
  },
};

/** The widget's UI in a Shadow DOM, so the customer's CSS and ours never meet. */
export class WidgetUI {
  readonly client: SupportChatClient;
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly root: HTMLDivElement;
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLDivElement;
  private readonly headerTitle: HTMLHeadingElement;
  private readonly headerSub: HTMLParagraphElement;
  private readonly headerActions: HTMLDivElement;
  private readonly endBtn: HTMLButtonElement;
  private readonly backBtn: HTMLButtonElement;
  private readonly body: HTMLDivElement;
  private readonly conn: HTMLDivElement;
  private readonly composer: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly announcer: HTMLDivElement;
  private readonly humanBar: HTMLDivElement;
  private view: View = 'loading';
  private started = false;
  private errorText = '';
  private thread: HTMLDivElement | null = null;
  private rendered = new Map<string, HTMLElement>();
  private voted: Set<string>;
  private rated: Set<string>;
  private csatChoice = 0;

  constructor(readonly options: WidgetOptions) {
    this.client = new SupportChatClient(options);
    this.voted = new Set(local.get('supportchat:voted'));
    this.rated = new Set(local.get('supportchat:rated'));
    this.host = el('div', { id: 'supportchat-widget', 'data-supportchat': '' });
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = el('style');
    style.textContent = styles;
    this.root = el('div', { class: 'root' + (options.position === 'left' ? ' left' : '') });
    if (options.brandColor) this.root.style.setProperty('--sc-brand', options.brandColor);

    this.launcher = el('button', { class: 'launcher', type: 'button', 'aria-label': 'Open support chat', 'aria-expanded': 'false', 'aria-controls': 'sc-panel', html: ICON_CHAT });
    this.backBtn = el('button', { class: 'icon-btn back', type: 'button', 'aria-label': 'Back to conversations', html: ICON_BACK });
    this.headerTitle = el('h2', { id: 'sc-title' }, options.title || 'Support');
    this.headerSub = el('p', {}, options.subtitle || 'We typically reply in a few minutes');
    this.endBtn = el('button', { class: 'text-btn end-btn', type: 'button', 'aria-label': 'Close this conversation', hidden: true }, 'End chat');
    this.endBtn.addEventListener('click', () => void this.client.resolve().catch((e: Error) => this.announce(e.message)));
    this.headerActions = el('div', { style: 'display:flex;gap:6px;align-items:center' }, this.endBtn);
    const minimize = el('button', { class: 'icon-btn minimize', type: 'button', 'aria-label': 'Minimise chat', html: ICON_CLOSE });
    const header = el('header', {}, this.backBtn, el('div', { class: 'titles' }, this.headerTitle, this.headerSub), this.headerActions, minimize);
    this.conn = el('div', { class: 'conn', role: 'status', hidden: true }, 'Reconnecting…');
    this.body = el('div', { class: 'body' });
    this.input = el('textarea', { rows: '1', placeholder: 'Write a message…', 'aria-label': 'Message', maxlength: '4000' });
    const send = el('button', { class: 'send', type: 'submit', 'aria-label': 'Send message', html: ICON_SEND });
    this.composer = el('form', { class: 'composer' }, this.input, send);
    this.announcer = el('div', { class: 'sr', 'aria-live': 'polite', role: 'status' });
    const human = el('button', { class: 'link-btn handoff-btn', type: 'button' }, 'Talk to a person');
    human.addEventListener('click', () => void this.client.requestHandoff().then(
      () => this.announce('We are connecting you with a team member.'),
      () => this.announce('Could not reach a person right now.')));
    this.humanBar = el('div', { class: 'human-bar', hidden: true }, human);
    this.panel = el('div', { class: 'panel', id: 'sc-panel', role: 'dialog', 'aria-labelledby': 'sc-title', hidden: true },
      header, this.conn, this.body, this.humanBar, this.composer, this.announcer);
    this.root.append(this.panel, this.launcher);
    this.shadow.append(style, this.root);

    this.launcher.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    minimize.addEventListener('click', () => this.close());
    this.backBtn.addEventListener('click', () => {
      this.client.leave();
      this.show('list');
    });
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
    });
    this.composer.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        void this.submit();
      }
    });
    this.input.addEventListener('input', () => {
      this.input.style.height = 'auto';
      this.input.style.height = Math.min(120, this.input.scrollHeight) + 'px';
    });
    this.client.subscribe(() => this.render());
    const userOnStatus = options.onStatus;
    this.client.options.onStatus = (status, id, entry) => {
      if (status === 'RESOLVED') this.csatChoice = 0;
      userOnStatus?.(status, id, entry);
    };
  }

  mount(container: HTMLElement = document.body): this {
    container.appendChild(this.host);
    if (this.options.openOnLoad) this.open();
    return this;
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  open(): void {
    this.panel.hidden = false;
    this.root.classList.add('open');
    this.launcher.setAttribute('aria-expanded', 'true');
    this.launcher.setAttribute('aria-label', 'Close support chat');
    if (!this.started) {
      this.started = true;
      this.render();
      this.client.start().then(() => this.show(this.initialView()), (e: Error) => {
        this.errorText = e instanceof WidgetError && e.status === 403
          ? 'Chat is not available on this site.' : 'We could not connect to support. Please try again later.';
        this.show('error');
      });
    }
    this.focusDefault();
  }

  close(): void {
    this.panel.hidden = true;
    this.root.classList.remove('open');
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.setAttribute('aria-label', 'Open support chat');
    this.launcher.focus();
  }

  destroy(): void {
    this.client.destroy();
    this.host.remove();
  }

  private initialView(): View {
    const c = this.client;
    if (c.needsUserData) return 'form';
    const open = c.conversations.filter((x) => x.status !== 'RESOLVED');
    if (c.rules.showConversationList && c.conversations.length > 0) return 'list';
    if (!c.rules.showConversationList && open.length > 0) {
      c.open(open[0].id);
      return 'chat';
    }
    if (c.conversations.length === 0 && !c.rules.firstTimeStraightToChat && c.rules.showConversationList) return 'list';
    return 'chat';
  }

  private show(view: View): void {
    this.view = view;
    this.rendered.clear();
    this.thread = null;
    this.body.textContent = '';
    this.render();
    this.focusDefault();
  }

  private focusDefault(): void {
    if (!this.isOpen) return;
    setTimeout(() => {
      if (this.view === 'chat' && !this.composer.hidden) this.input.focus();
      else (this.body.querySelector('input, button') as HTMLElement | null)?.focus();
    }, 0);
  }

  private render(): void {
    const c = this.client;
    const rules = c.rules;
    this.backBtn.hidden = !(this.view === 'chat' && rules.showConversationList);
    this.conn.hidden = !(this.view === 'chat' && c.current && !c.connected);
    this.endBtn.hidden = !(this.view === 'chat' && c.current && c.status !== 'RESOLVED' && rules.visitorCanClose);
    this.composer.hidden = this.view !== 'chat' || c.status === 'RESOLVED';
    this.humanBar.hidden = this.composer.hidden || c.status !== 'UNRESOLVED' || !c.current;
    switch (this.view) {
      case 'loading':
        if (!this.body.firstChild) this.body.append(el('div', { class: 'empty', role: 'status' }, 'Connecting…'));
        break;
      case 'error':
        this.body.textContent = '';
        this.body.append(el('div', { class: 'empty error', role: 'alert' }, this.errorText));
        break;
      case 'form':
        if (!this.body.firstChild) this.body.append(this.renderForm());
        break;
      case 'list':
        this.body.textContent = '';
        this.body.append(this.renderList());
        break;
      case 'chat':
        this.renderChat();
        break;
    }
  }

  private renderForm(): HTMLElement {
    const prefill = this.options.prefillUserData || {};
    const name = el('input', { name: 'name', autocomplete: 'name', required: true, value: prefill.name || '' });
    const email = el('input', { name: 'email', type: 'email', autocomplete: 'email', required: true, value: prefill.email || '' });
    const extras = (this.options.extraDataCollectionFields || []).map(field);
    const error = el('div', { class: 'error', role: 'alert' });
    const form = el('form', { class: 'form', 'aria-labelledby': 'sc-form-title' },
      el('h3', { id: 'sc-form-title' }, 'Before we start'),
      el('p', {}, 'Tell us who you are so our team can follow up.'),
      el('label', {}, 'Name', name),
      el('label', {}, 'Email', email),
      ...extras.map((f) => el('label', {}, f.label || f.key,
        el('input', { name: 'extra:' + f.key, type: f.type || 'text', required: !!f.required, placeholder: f.placeholder || '' }))),
      error,
      el('button', { class: 'primary', type: 'submit' }, 'Start chatting'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const extra: Record<string, string> = {};
      extras.forEach((f) => {
        const v = (form.querySelector(`[name="extra:${f.key}"]`) as HTMLInputElement).value.trim();
        if (v) extra[f.key] = v;
      });
      try {
        await this.client.identify({ name: name.value.trim(), email: email.value.trim(), ...(extras.length ? { extra } : {}) });
        this.show(this.client.rules.showConversationList && this.client.conversations.length ? 'list' : 'chat');
      } catch (err) {
        error.textContent = (err as Error).message;
      }
    });
    return form;
  }

  private renderList(): HTMLElement {
    const c = this.client;
    const list = el('div', { class: 'list' });
    const start = el('button', { class: 'primary new-conversation', type: 'button' }, c.conversations.length ? 'New conversation' : 'Start a conversation');
    start.addEventListener('click', () => {
      c.leave();
      this.show('chat');
    });
    if (!c.conversations.length) {
      list.append(el('div', { class: 'card welcome' },
        el('h3', {}, 'Hi there!'),
        el('p', {}, this.options.greeting || 'Ask us anything. Our assistant answers right away, and a person from our team joins whenever you need one.'),
        start));
      return list;
    }
    if (c.canStartConversation) list.append(start);
    list.append(el('h3', {}, 'Your conversations'));
    for (const conv of c.conversations) list.append(this.renderConversationRow(conv));
    return list;
  }

  private renderConversationRow(conv: Conversation): HTMLElement {
    const label = { UNRESOLVED: 'Open', ESCALATED: 'With our team', RESOLVED: 'Resolved' }[conv.status];
    const row = el('button', { class: 'conv', type: 'button', 'data-id': conv.id },
      el('span', { class: 'top' }, el('span', { class: 'badge ' + conv.status }, label), el('span', {}, time(conv.lastActivityAt || conv.createdAt))),
      el('span', { class: 'preview' }, conv.lastMessagePreview || 'Conversation'));
    row.setAttribute('aria-label', `${label} conversation: ${conv.lastMessagePreview || ''}`);
    row.addEventListener('click', () => {
      this.client.open(conv.id);
      this.show('chat');
    });
    return row;
  }

  private renderChat(): void {
    const c = this.client;
    if (!this.thread) {
      this.thread = el('div', { class: 'thread', role: 'log', 'aria-label': 'Conversation', 'aria-live': 'polite', 'aria-relevant': 'additions' });
      this.body.append(this.thread);
      if (!c.current) {
        this.thread.append(el('div', { class: 'msg AI greeting' },
          el('span', { class: 'who' }, 'Assistant'),
          el('div', { class: 'bubble' }, this.options.greeting || 'Hi! How can we help you today?')));
      }
    }
    if (c.current) this.thread.dataset.conversation = c.current.id;
    const atBottom = this.body.scrollHeight - this.body.scrollTop - this.body.clientHeight < 60;
    const seen = new Set<string>();
    for (const m of c.messages) {
      const key = m.clientMessageId && m.author.type === 'VISITOR' ? 'c:' + m.clientMessageId : m.id;
      seen.add(key);
      const existing = this.rendered.get(key);
      const signature = JSON.stringify([m.id, m.text, m.pending, m.failed, this.voted.has(m.id), c.rules.helpfulPrompt]);
      if (existing && existing.dataset.sig === signature) continue;
      const node = this.renderEntry(m);
      node.dataset.sig = signature;
      if (existing) existing.replaceWith(node);
      else {
        const resolved = this.thread.querySelector('.resolved-actions');
        if (resolved) this.thread.insertBefore(node, resolved);
        else this.thread.append(node);
      }
      this.rendered.set(key, node);
    }
    for (const [key, node] of this.rendered) {
      if (!seen.has(key)) {
        node.remove();
        this.rendered.delete(key);
      }
    }
    // the rating card is rebuilt only when what it shows changes, so a live update never wipes a typed comment
    const resolvedSig = c.current && c.status === 'RESOLVED'
      ? JSON.stringify([c.current.id, this.rated.has(c.current.id), c.canStartConversation]) : '';
    const existingResolved = this.thread.querySelector('.resolved-actions') as HTMLElement | null;
    if (!resolvedSig) existingResolved?.remove();
    else if (!existingResolved || existingResolved.dataset.sig !== resolvedSig || existingResolved !== this.thread.lastElementChild) {
      existingResolved?.remove();
      const block = this.renderResolved(c.current!.id);
      block.dataset.sig = resolvedSig;
      this.thread.append(block);
    }
    if (atBottom || c.messages.length < 3) this.body.scrollTop = this.body.scrollHeight;
  }

  private renderEntry(m: Message): HTMLElement {
    const kind = m.kind || 'MESSAGE';
    if (kind !== 'MESSAGE' || m.author.type === 'SYSTEM') {
      return el('div', { class: 'system' + (kind === 'HANDOFF' ? ' handoff' : ''), 'data-kind': kind, 'data-seq': String(m.seq) }, m.text || '');
    }
    const type = m.author.type;
    const who = type === 'VISITOR' ? 'You' : type === 'OPERATOR' ? m.author.displayName || this.client.rules.operatorLabel : 'Assistant';
    const node = el('div', { class: `msg ${type}${m.pending ? ' pending' : ''}${m.failed ? ' failed' : ''}`, 'data-author': type, 'data-seq': String(m.seq) },
      el('span', { class: 'who' }, who),
      el('div', { class: 'bubble' }, m.text));
    if (m.failed) {
      const retry = el('button', { class: 'secondary', type: 'button' }, 'Not sent – retry');
      retry.addEventListener('click', () => void this.client.retry(m).catch(() => undefined));
      node.append(retry);
    } else if (m.pending) {
      node.append(el('span', { class: 'meta' }, 'Sending…'));
    }
    if (type === 'AI' && this.client.rules.helpfulPrompt && !m.pending) {
      if (this.voted.has(m.id)) {
        node.append(el('div', { class: 'helpful', role: 'status' }, 'Thanks for your feedback!'));
      } else {
        const yes = el('button', { type: 'button', class: 'helpful-yes', 'aria-label': 'Yes, this answer was helpful' }, 'Yes');
        const no = el('button', { type: 'button', class: 'helpful-no', 'aria-label': 'No, this answer was not helpful' }, 'No');
        const vote = (helpful: boolean) => this.client.helpful(m.id, helpful).then(() => {
          this.voted.add(m.id);
          local.add('supportchat:voted', m.id);
          this.render();
        }, () => this.announce('Could not save your feedback.'));
        yes.addEventListener('click', () => void vote(true));
        no.addEventListener('click', () => void vote(false));
        node.append(el('div', { class: 'helpful' }, el('span', {}, 'Was this helpful?'), yes, no));
      }
    }
    return node;
  }

  private renderResolved(conversationId: string): HTMLElement {
    const c = this.client;
    const wrap = el('div', { class: 'resolved-actions' });
    if (this.rated.has(conversationId)) {
      wrap.append(el('div', { class: 'card csat-done', role: 'status' }, el('h3', {}, 'Thank you for your rating!')));
    } else {
      this.csatChoice = 0;
      const stars = el('div', { class: 'stars', role: 'group', 'aria-label': 'Rate this conversation from 1 to 5' });
      for (let i = 1; i <= 5; i++) {
        const b = el('button', { type: 'button', 'data-rating': String(i), 'aria-pressed': String(this.csatChoice === i), 'aria-label': `${i} out of 5` }, '★ ' + i);
        b.addEventListener('click', () => {
          this.csatChoice = i;
          stars.querySelectorAll('button').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
          submit.disabled = false;
        });
        stars.append(b);
      }
      const comment = el('textarea', { rows: '2', placeholder: 'Anything we could do better? (optional)', 'aria-label': 'Comment (optional)' });
      const submit = el('button', { class: 'primary csat-submit', type: 'button', disabled: this.csatChoice === 0 }, 'Send rating');
      submit.addEventListener('click', () => {
        submit.disabled = true;
        c.rate(this.csatChoice, comment.value.trim() || undefined, conversationId).then(() => {
          this.rated.add(conversationId);
          local.add('supportchat:rated', conversationId);
          this.announce('Thank you for your rating!');
          this.render();
        }, (e: Error) => {
          submit.disabled = false;
          this.announce(e.message);
        });
      });
      wrap.append(el('div', { class: 'card csat', role: 'group', 'aria-labelledby': 'sc-csat-title' },
        el('h3', { id: 'sc-csat-title' }, 'How did we do?'),
        el('p', {}, 'This conversation has been resolved. Please rate your experience.'),
        stars, comment, submit));
    }
    if (c.canStartConversation) {
      const again = el('button', { class: 'secondary new-conversation', type: 'button' }, 'Start a new conversation');
      again.addEventListener('click', () => {
        c.leave();
        this.show('chat');
      });
      wrap.append(el('div', { class: 'actions' }, again));
    }
    return wrap;
  }

  private async submit(): Promise<void> {
    const text = this.input.value.trim();
    if (!text) return;
    this.input.value = '';
    this.input.style.height = 'auto';
    try {
      await this.client.send(text);
    } catch (e) {
      if (!this.client.current) this.input.value = text;
      const error = e as WidgetError;
      this.announce(error.status === 409 ? (error.message || 'You already have an open conversation.') : 'Your message could not be sent.');
      if (error.status === 409 && !this.client.current) {
        await this.client.refreshConversations().catch(() => undefined);
        const open = this.client.conversations.find((x) => x.status !== 'RESOLVED');
        if (open) {
          this.client.open(open.id);
          this.show('chat');
        }
      }
    }
  }

  private announce(text: string): void {
    this.announcer.textContent = '';
    setTimeout(() => (this.announcer.textContent = text), 30);
  }
}

import { api } from './api';
import { h, mount } from './dom';
import { toast } from './ui';

export type Author = 'VISITOR' | 'AI' | 'OPERATOR';
export interface HistoryEntry { author: Author; text: string }
export interface PlaygroundReply { text: string; sources?: Array<{ articleId: string; title?: string | null }> | null; confidence?: number | null }
export interface PlaygroundResult {
  language: string;
  signals?: string[] | null;
  handoff?: { wouldHandOff: boolean; trigger?: string | null; reason?: string | null } | null;
  reply: PlaygroundReply | null;
}

/** What the endpoint accepts: at most this many earlier messages, each message at most MAX_TEXT characters. */
export const MAX_HISTORY = 20;
export const MAX_TEXT = 4000;
export const AUTHORS: Array<[Author, string]> = [['VISITOR', 'Visitor'], ['AI', 'AI'], ['OPERATOR', 'Operator']];
const LANGUAGES: Record<string, string> = { en: 'English', de: 'German', es: 'Spanish', fr: 'French', pt: 'Portuguese', it: 'Italian', nl: 'Dutch' };

/** "de · German"; a code the console does not know is shown as it is. */
export function languageLabel(code?: string | null): string {
  if (!code) return 'Unknown';
  const name = LANGUAGES[code.toLowerCase()];
  return name ? `${code} · ${name}` : code;
}

/** "Would hand off: yes — trigger HUMAN_REQUEST — reason …" or "Would hand off: no". */
export function handoffLabel(handoff?: PlaygroundResult['handoff']): string {
  if (!handoff?.wouldHandOff) return 'Would hand off: no';
  return ['Would hand off: yes', handoff.trigger ? 'trigger ' + handoff.trigger : '', handoff.reason ? 'reason ' + handoff.reason : '']
    .filter(Boolean).join(' — ');
}

/** 0.834 → "83%"; null when the answer carries no score (small talk, model answers). */
export function confidenceLabel(confidence?: number | null): string | null {
  return typeof confidence === 'number' && isFinite(confidence) ? Math.round(confidence * 100) + '%' : null;
}

/** The request body: history only when there is some, blank entries left out. */
export function playgroundRequest(text: string, history: HistoryEntry[]): { text: string; history?: HistoryEntry[] } {
  const earlier = history.filter((e) => e.text.trim() !== '').map((e) => ({ author: e.author, text: e.text }));
  return earlier.length ? { text, history: earlier } : { text };
}

/** The history after "Use as history": the tried message and the reply (if any) appended, the oldest dropped beyond MAX_HISTORY. */
export function withTurn(history: HistoryEntry[], tried: string, reply: PlaygroundReply | null): HistoryEntry[] {
  const next: HistoryEntry[] = [...history, { author: 'VISITOR', text: tried }];
  if (reply?.text) next.push({ author: 'AI', text: reply.text });
  return next.slice(-MAX_HISTORY);
}

/** "Try the assistant": what the assistant would do with a message, for admins and agents. Nothing is stored. */
export function playgroundView(target: HTMLElement): void {
  let history: HistoryEntry[] = [];
  let busy = false;

  const list = h('ol', { class: 'history-list' });
  const count = h('span', { class: 'muted small', 'aria-live': 'polite' });
  const add = h('button', { class: 'btn small', type: 'button', onclick: () => {
    if (history.length >= MAX_HISTORY) return;
    history.push({ author: history[history.length - 1]?.author === 'VISITOR' ? 'AI' : 'VISITOR', text: '' });
    renderHistory();
    list.querySelector<HTMLTextAreaElement>('li:last-child textarea')?.focus();
  } }, 'Add message');
  const message = h('textarea', { id: 'playground-text', name: 'text', rows: 4, maxlength: MAX_TEXT, required: true,
    placeholder: 'Type what a visitor would write…', 'aria-describedby': 'playground-text-help' });
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { class: 'btn primary', type: 'submit' }, 'Try');
  const results = h('section', { class: 'card playground-result', 'aria-live': 'polite', 'aria-label': 'What the assistant would do', hidden: true });

  function renderHistory(): void {
    mount(list, history.map((entry, i) => {
      const n = i + 1;
      const li = h('li', { class: 'history-entry' },
        h('select', { 'aria-label': `Author of message ${n}`, onchange: (e: Event) => (entry.author = (e.target as HTMLSelectElement).value as Author) },
          AUTHORS.map(([value, label]) => h('option', { value, selected: value === entry.author }, label))),
        h('textarea', { rows: 2, maxlength: MAX_TEXT, 'aria-label': `Message ${n}`, value: entry.text,
          oninput: (e: Event) => (entry.text = (e.target as HTMLTextAreaElement).value) }),
        h('button', { class: 'btn small danger', type: 'button', 'aria-label': `Remove message ${n}`, onclick: () => {
          history.splice(i, 1);
          renderHistory();
          (list.querySelectorAll<HTMLButtonElement>('li .danger')[Math.min(i, history.length - 1)] || add).focus();
        } }, 'Remove'));
      return li;
    }));
    list.hidden = history.length === 0;
    add.disabled = history.length >= MAX_HISTORY;
    count.textContent = history.length ? `${history.length} of ${MAX_HISTORY} messages` : `None yet – up to ${MAX_HISTORY} messages, oldest first.`;
  }

  function renderResult(tried: string, result: PlaygroundResult): void {
    const signals = result.signals || [];
    const reply = result.reply;
    const confidence = confidenceLabel(reply?.confidence);
    const sources = (reply?.sources || []).filter(Boolean);
    const use = h('button', { class: 'btn', type: 'button', onclick: () => {
      const before = history.length;
      history = withTurn(history, tried, reply);
      renderHistory();
      use.disabled = true;
      use.textContent = 'Added to the history';
      message.value = '';
      message.focus();
      const added = reply?.text ? 2 : 1;
      if (before + added > MAX_HISTORY) toast(`The history keeps the last ${MAX_HISTORY} messages; the oldest were dropped.`);
    } }, 'Use as history');
    mount(results,
      h('h2', null, 'What the assistant would do'),
      h('dl', { class: 'kv result-kv' },
        h('dt', null, 'Language'), h('dd', { 'data-result': 'language' }, languageLabel(result.language)),
        h('dt', null, 'Signals'), h('dd', { 'data-result': 'signals' },
          signals.length ? signals.map((s) => h('span', { class: 'badge signal' }, s)) : h('span', { class: 'muted' }, 'no signals')),
        h('dt', null, 'Handoff'), h('dd', { 'data-result': 'handoff' },
          h('span', { class: 'badge ' + (result.handoff?.wouldHandOff ? 'ESCALATED' : 'ok') }, result.handoff?.wouldHandOff ? 'Hand off' : 'AI keeps it'),
          ' ', handoffLabel(result.handoff)),
        h('dt', null, 'Reply'), h('dd', { 'data-result': 'reply' }, reply
          ? [h('div', { class: 'reply-text' }, reply.text),
            h('p', { class: 'small' }, 'Confidence: ', confidence ? h('strong', null, confidence) : h('span', { class: 'muted' }, 'not scored (small talk or a model answer)')),
            sources.length
              ? [h('p', { class: 'small muted' }, 'Sources'), h('ul', { class: 'sources' }, sources.map((s) => h('li', null, s.title || s.articleId)))]
              : h('p', { class: 'small muted' }, 'No knowledge-base sources')]
          : h('span', { class: 'muted' }, 'The assistant would not reply'))),
      h('div', { class: 'form-actions' }, use,
        h('span', { class: 'muted small' }, reply?.text ? 'Appends your message (as Visitor) and the reply (as AI) to the conversation so far.' : 'Appends your message (as Visitor) to the conversation so far.')));
    results.hidden = false;
  }

  async function tryIt(): Promise<void> {
    if (busy) return;
    error.textContent = '';
    const text = message.value;
    if (!text.trim()) {
      error.textContent = 'Type a visitor message to try.';
      message.focus();
      return;
    }
    busy = true;
    submit.disabled = true;
    submit.textContent = 'Trying…';
    try {
      const result = await api<PlaygroundResult>('/api/v1/ai/playground', { method: 'POST', body: playgroundRequest(text, history) });
      renderResult(text, result);
    } catch (err) {
      error.textContent = (err as Error).message;
    } finally {
      busy = false;
      submit.disabled = false;
      submit.textContent = 'Try';
    }
  }

  message.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void tryIt();
    }
  });

  const form = h('form', { class: 'card form playground', onsubmit: (e: Event) => {
    e.preventDefault();
    void tryIt();
  } },
  h('fieldset', null, h('legend', null, 'Conversation so far (optional)'),
    h('p', { class: 'muted small' }, 'Earlier messages the assistant should take into account, oldest first.'),
    list,
    h('div', { class: 'row' }, add, count)),
  h('label', { class: 'field' }, h('span', null, 'Visitor message'), message,
    h('span', { class: 'help', id: 'playground-text-help' }, `Up to ${MAX_TEXT} characters. Ctrl+Enter (⌘+Enter on a Mac) tries it.`)),
  error,
  h('div', { class: 'form-actions' }, submit));

  renderHistory();
  mount(target, h('div', { class: 'page' },
    h('h1', null, 'Try the assistant'),
    h('p', { class: 'muted' }, 'See what the assistant would do with a visitor message: the language it reads, the signals it finds, whether it would hand the conversation to your team, and its reply. '
      + 'The playground uses your current settings and knowledge base, on the same code path as a real visitor message; nothing is stored or sent.'),
    form, results));
  message.focus();
}

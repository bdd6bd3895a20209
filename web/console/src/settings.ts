import { api, session, uuid } from './api';
import { h, humanize, mount, when } from './dom';
import { toast } from './ui';

const CHOICES: Record<string, Array<[string | number, string]>> = {
  mode: [['preset', 'Preset level'], ['advanced', 'Advanced (individual triggers)']],
  level: [[0, '0 – AI only'], [1, '1 – Quick handoff'], [2, '2 – Balanced'], [3, '3 – AI first']],
  outsideHoursBehaviour: [['escalate_and_collect_email', 'Escalate and collect email'], ['ai_continues', 'AI continues']],
};
const READ_ONLY = new Set(['activeTriggers', 'updatedAt', 'orgId', 'createdAt', 'id', 'apiKeyConfigured', 'responder']);
const LONG_TEXT = /prompt|instructions/i;
const NUMERIC = new Set(['temperature', 'level', 'maxRenotifications']);
const HELP: Record<string, string> = {
  allowMultipleOpen: 'Visitors may have several open conversations. Off hides “New conversation” while one is open.',
  showConversationList: 'Show the list of earlier conversations before entering chat.',
  firstTimeStraightToChat: 'First-time visitors land directly in chat when there is nothing to resume.',
  visitorCanClose: 'Show an “End chat” button so visitors can close the conversation.',
  helpfulPrompt: 'Ask “Was this helpful?” under AI answers.',
  operatorLabel: 'How operator messages are labelled in the widget.',
  forbiddenTopics: 'One topic per line; a conversation touching one is always handed to a human.',
  customPhrases: 'One phrase per line; visitors typing one are handed off.',
};

/** Renders a settings document as a form: booleans as switches, lists as one-per-line text, other arrays as JSON. */
function fieldsFor(value: any, path: string[]): HTMLElement[] {
  return Object.entries(value).filter(([k]) => !READ_ONLY.has(k)).map(([k, v]) => {
    const name = [...path, k].join('.');
    const label = humanize(k);
    const help = HELP[k] ? h('span', { class: 'help' }, HELP[k]) : null;
    if (CHOICES[k]) {
      return h('label', { class: 'field' }, h('span', null, label), h('select', { name, 'data-type': typeof v },
        CHOICES[k].map(([val, text]) => h('option', { value: String(val), selected: String(val) === String(v) }, text))), help);
    }
    if (typeof v === 'boolean') {
      return h('label', { class: 'field switch' }, h('input', { type: 'checkbox', name, 'data-type': 'boolean', checked: v }), h('span', null, label), help);
    }
    if (typeof v === 'number' || NUMERIC.has(k)) {
      return h('label', { class: 'field' }, h('span', null, label), h('input', { type: 'number', step: 'any', name, 'data-type': 'number', value: v === null || v === undefined ? '' : String(v) }), help);
    }
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      return h('label', { class: 'field' }, h('span', null, label), h('textarea', { name, 'data-type': 'lines', rows: 4, value: v.join('\n') }), help);
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      return h('fieldset', null, h('legend', null, label), fieldsFor(v, [...path, k]));
    }
    if (Array.isArray(v) || (v !== null && typeof v === 'object')) {
      return h('label', { class: 'field' }, h('span', null, label + ' (JSON)'), h('textarea', { name, 'data-type': 'json', rows: 5, class: 'mono', value: JSON.stringify(v, null, 1) }), help);
    }
    if (LONG_TEXT.test(k) || (typeof v === 'string' && v.length > 80)) {
      return h('label', { class: 'field' }, h('span', null, label), h('textarea', { name, 'data-type': 'string', rows: 5, value: v ?? '' }), help);
    }
    return h('label', { class: 'field' }, h('span', null, label), h('input', { type: 'text', name, 'data-type': 'string', value: v ?? '' }), help);
  });
}

function readForm(form: HTMLFormElement, original: any): any {
  const result = JSON.parse(JSON.stringify(original));
  READ_ONLY.forEach((k) => delete result[k]);
  form.querySelectorAll<HTMLInputElement>('[name]').forEach((input) => {
    const path = input.name.split('.');
    let target = result;
    path.slice(0, -1).forEach((p) => (target = target[p] ??= {}));
    const key = path[path.length - 1];
    const type = input.dataset.type;
    if (type === 'boolean') target[key] = input.checked;
    else if (type === 'number') target[key] = input.value === '' ? null : Number(input.value);
    else if (type === 'lines') target[key] = input.value.split('\n').map((s) => s.trim()).filter(Boolean);
    else if (type === 'json') target[key] = JSON.parse(input.value || 'null');
    else if (type === 'secret') {
      if (input.value === '') delete target[key];
      else target[key] = input.value.trim();
    }
    else target[key] = input.value === '' && original[key] === null ? null : input.value;
  });
  return result;
}

export function settingsView(target: HTMLElement, title: string, intro: string, path: string): void {
  mount(target, h('div', { class: 'page' }, h('h1', null, title), h('p', { class: 'muted' }, 'Loading…')));
  api(path).then((doc) => {
    const error = h('p', { class: 'error', role: 'alert' });
    const form: HTMLFormElement = h('form', { class: 'settings', 'data-settings': path, onsubmit: async (e: Event) => {
      e.preventDefault();
      error.textContent = '';
      try {
        const body = readForm(form, doc);
        doc = await api(path, { method: 'PUT', body });
        toast('Settings saved');
      } catch (err) {
        error.textContent = (err as Error).message;
      }
    } }, fieldsFor(doc, []),
    'apiKeyConfigured' in doc ? h('label', { class: 'field' }, h('span', null, 'API key'),
      h('input', { type: 'password', name: 'apiKey', 'data-type': 'secret', autocomplete: 'off', placeholder: doc.apiKeyConfigured ? 'A key is stored – type a new one to replace it' : 'No key stored: the built-in responder answers' }),
      h('span', { class: 'help' }, 'Write-only: the stored key is never shown. Leave empty to keep it.')) : null,
    error, h('div', { class: 'form-actions' }, h('button', { class: 'btn primary', type: 'submit' }, 'Save changes'),
      doc.updatedAt ? h('span', { class: 'muted small' }, 'Last saved ' + when(doc.updatedAt)) : null));
    mount(target, h('div', { class: 'page' }, h('h1', null, title), h('p', { class: 'muted' }, intro),
      doc.responder ? h('p', { class: 'small' }, 'Answering now: ', h('span', { class: 'badge ok' }, doc.responder === 'openai' ? 'OpenAI-compatible model' : 'Built-in responder')) : null,
      doc.activeTriggers ? h('p', { class: 'small' }, 'Active triggers: ', doc.activeTriggers.map((t: string) => h('span', { class: 'badge' }, humanize(t.toLowerCase())))) : null,
      form));
  }, (e) => mount(target, h('div', { class: 'page' }, h('h1', null, title), h('p', { class: 'error', role: 'alert' }, e.message))));
}

export function knowledgeBaseView(target: HTMLElement): void {
  const render = async (editing: any | null = null) => {
    let articles: any[] = [];
    let loadError = '';
    try {
      articles = await api('/api/v1/knowledge-base/articles');
    } catch (e) {
      loadError = (e as Error).message;
    }
    const error = h('p', { class: 'error', role: 'alert' });
    const form: HTMLFormElement = h('form', { class: 'card form', onsubmit: async (e: Event) => {
      e.preventDefault();
      const data = new FormData(form);
      const body = { title: String(data.get('title')), content: String(data.get('content')), format: String(data.get('format')),
        tags: String(data.get('tags') || '').split(',').map((s) => s.trim()).filter(Boolean) };
      try {
        if (editing?.id) await api(`/api/v1/knowledge-base/articles/${editing.id}`, { method: 'PUT', body });
        else await api('/api/v1/knowledge-base/articles', { method: 'POST', body });
        toast('Article saved');
        void render(null);
      } catch (err) {
        error.textContent = (err as Error).message;
      }
    } },
    h('h2', null, editing?.id ? 'Edit article' : 'New article'),
    h('label', { class: 'field' }, h('span', null, 'Title'), h('input', { name: 'title', required: true, value: editing?.title || '' })),
    h('label', { class: 'field' }, h('span', null, 'Content'), h('textarea', { name: 'content', rows: 8, required: true, value: editing?.content || '' })),
    h('div', { class: 'row' },
      h('label', { class: 'field' }, h('span', null, 'Format'), h('select', { name: 'format' }, ['markdown', 'text', 'html'].map((f) => h('option', { value: f, selected: (editing?.format || 'markdown') === f }, f)))),
      h('label', { class: 'field grow' }, h('span', null, 'Tags (comma separated)'), h('input', { name: 'tags', value: (editing?.tags || []).join(', ') }))),
    error,
    h('div', { class: 'form-actions' }, h('button', { class: 'btn primary', type: 'submit' }, 'Save article'),
      editing ? h('button', { class: 'btn', type: 'button', onclick: () => render(null) }, 'Cancel') : null));
    mount(target, h('div', { class: 'page' },
      h('div', { class: 'page-head' }, h('h1', null, 'Knowledge base'), h('button', { class: 'btn primary', onclick: () => render({}) }, 'New article')),
      h('p', { class: 'muted' }, 'The AI answers visitors from these articles.'),
      editing ? form : null,
      loadError ? h('p', { class: 'error', role: 'alert' }, loadError) : null,
      h('table', { class: 'table' }, h('thead', null, h('tr', null, h('th', null, 'Title'), h('th', null, 'Tags'), h('th', null, 'Updated'), h('th', null, ''))),
        h('tbody', null, articles.map((a) => h('tr', null,
          h('td', null, h('strong', null, a.title), h('div', { class: 'muted small clamp' }, (a.content || '').slice(0, 140))),
          h('td', null, (a.tags || []).map((t: string) => h('span', { class: 'badge' }, t))),
          h('td', { class: 'muted small' }, when(a.updatedAt || a.createdAt)),
          h('td', { class: 'actions' },
            h('button', { class: 'btn small', onclick: () => render(a) }, 'Edit'),
            h('button', { class: 'btn small danger', onclick: async () => {
              if (!confirm(`Delete “${a.title}”?`)) return;
              try {
                await api(`/api/v1/knowledge-base/articles/${a.id}`, { method: 'DELETE' });
                toast('Article deleted');
                void render(null);
              } catch (err) {
                toast((err as Error).message, true);
              }
            } }, 'Delete'))))))));
  };
  void render(null);
}

export function apiKeysView(target: HTMLElement): void {
  const render = async (secret: { name: string; secret: string } | null = null) => {
    let keys: any[] = [];
    let loadError = '';
    try {
      keys = await api('/api/v1/api-keys');
    } catch (e) {
      loadError = (e as Error).message;
    }
    const error = h('p', { class: 'error', role: 'alert' });
    const form: HTMLFormElement = h('form', { class: 'inline-form', onsubmit: async (e: Event) => {
      e.preventDefault();
      const name = String(new FormData(form).get('name')).trim();
      try {
        const created = await api('/api/v1/api-keys', { method: 'POST', body: { name, scopes: ['widget:authenticate-user'] } });
        void render({ name: created.name, secret: created.secret });
      } catch (err) {
        error.textContent = (err as Error).message;
      }
    } }, h('label', { class: 'field grow' }, h('span', null, 'New key name'), h('input', { name: 'name', required: true, placeholder: 'e.g. Production backend' })),
    h('button', { class: 'btn primary', type: 'submit' }, 'Create key'));
    mount(target, h('div', { class: 'page' },
      h('h1', null, 'API keys'),
      h('p', { class: 'muted' }, 'Your backend uses an API key to call POST /widget/authenticate-user and get contact tokens for signed-in customers.'),
      secret ? h('div', { class: 'callout success', role: 'alert' },
        h('strong', null, `Key “${secret.name}” created. Copy the secret now – it will not be shown again.`),
        h('code', { class: 'secret', id: 'new-secret' }, secret.secret),
        h('button', { class: 'btn small', onclick: () => navigator.clipboard?.writeText(secret.secret).then(() => toast('Copied')) }, 'Copy')) : null,
      form, error,
      loadError ? h('p', { class: 'error', role: 'alert' }, loadError) : null,
      h('table', { class: 'table' }, h('thead', null, h('tr', null, h('th', null, 'Name'), h('th', null, 'Prefix'), h('th', null, 'Scopes'), h('th', null, 'Created'), h('th', null, 'Status'), h('th', null, ''))),
        h('tbody', null, keys.map((k) => h('tr', null,
          h('td', null, h('strong', null, k.name)), h('td', null, h('code', null, k.prefix + '…')),
          h('td', null, (k.scopes || []).map((s: string) => h('span', { class: 'badge' }, s))),
          h('td', { class: 'muted small' }, when(k.createdAt)),
          h('td', null, k.revoked ? h('span', { class: 'badge RESOLVED' }, 'Revoked') : h('span', { class: 'badge ok' }, 'Active')),
          h('td', { class: 'actions' }, k.revoked ? null : h('button', { class: 'btn small danger', onclick: async () => {
            if (!confirm(`Revoke “${k.name}”? Backends using it stop working at once.`)) return;
            try {
              await api(`/api/v1/api-keys/${k.id}/revoke`, { method: 'POST' });
              toast('Key revoked');
              void render(null);
            } catch (err) {
              toast((err as Error).message, true);
            }
          } }, 'Revoke'))))))));
  };
  void render(null);
}

export function operatorsView(target: HTMLElement): void {
  const render = async () => {
    let ops: any[] = [];
    let loadError = '';
    try {
      ops = await api('/api/v1/operators');
    } catch (e) {
      loadError = (e as Error).message;
    }
    const error = h('p', { class: 'error', role: 'alert' });
    const form: HTMLFormElement = h('form', { class: 'card form', onsubmit: async (e: Event) => {
      e.preventDefault();
      const d = new FormData(form);
      try {
        await api('/api/v1/operators', { method: 'POST', body: { name: d.get('name'), email: d.get('email'), password: d.get('password'), role: d.get('role') } });
        toast('Operator created');
        void render();
      } catch (err) {
        error.textContent = (err as Error).message;
      }
    } }, h('h2', null, 'Add an operator'),
    h('div', { class: 'row' },
      h('label', { class: 'field grow' }, h('span', null, 'Name'), h('input', { name: 'name', required: true })),
      h('label', { class: 'field grow' }, h('span', null, 'Email'), h('input', { name: 'email', type: 'email', required: true }))),
    h('div', { class: 'row' },
      h('label', { class: 'field grow' }, h('span', null, 'Initial password (8+ characters)'), h('input', { name: 'password', type: 'password', minlength: 8, required: true, autocomplete: 'new-password' })),
      h('label', { class: 'field' }, h('span', null, 'Role'), h('select', { name: 'role' }, h('option', { value: 'agent' }, 'Agent'), h('option', { value: 'admin' }, 'Admin')))),
    error, h('div', { class: 'form-actions' }, h('button', { class: 'btn primary', type: 'submit' }, 'Create operator')));
    mount(target, h('div', { class: 'page' }, h('h1', null, 'Operators'),
      loadError ? h('p', { class: 'error', role: 'alert' }, loadError) : null,
      h('table', { class: 'table' }, h('thead', null, h('tr', null, h('th', null, 'Name'), h('th', null, 'Email'), h('th', null, 'Role'), h('th', null, 'Status'), h('th', null, ''))),
        h('tbody', null, ops.map((o) => h('tr', null,
          h('td', null, h('strong', null, o.name)), h('td', null, o.email), h('td', null, humanize(o.role)),
          h('td', null, o.active ? h('span', { class: 'badge ok' }, 'Active') : h('span', { class: 'badge RESOLVED' }, 'Deactivated')),
          h('td', { class: 'actions' }, o.id === session.operator?.id ? h('span', { class: 'muted small' }, 'You') : h('button', { class: 'btn small' + (o.active ? ' danger' : ''), onclick: async () => {
            try {
              await api(`/api/v1/operators/${o.id}/${o.active ? 'deactivate' : 'activate'}`, { method: 'POST' });
              toast(o.active ? 'Operator deactivated' : 'Operator activated');
              void render();
            } catch (err) {
              toast((err as Error).message, true);
            }
          } }, o.active ? 'Deactivate' : 'Activate')))))),
      form));
  };
  void render();
}

export { uuid };

import { analyticsView } from './analytics';
import { api, endSession, Operator, refreshSession, session, whenUnauthorized } from './api';
import { h, mount } from './dom';
import { inboxView } from './inbox';
import { beep, live } from './live';
import { playgroundView } from './playground';
import { apiKeysView, knowledgeBaseView, operatorsView, settingsView } from './settings';
import { handoffAlert, toast } from './ui';

const app = document.getElementById('app')!;
const LOGO = '<svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';
let cleanup: (() => void) | null = null;
let shell: { main: HTMLElement; nav: HTMLElement; status: HTMLElement } | null = null;

// href, label, admins only, in the Settings group
const NAV: Array<[string, string, boolean, boolean]> = [
  ['#/inbox', 'Inbox', false, false],
  ['#/analytics', 'Analytics', false, false],
  ['#/settings/widget', 'Session rules', true, true],
  ['#/settings/handoff', 'Handoff', true, true],
  ['#/settings/notifications', 'Notifications', true, true],
  ['#/settings/ai', 'AI assistant', true, true],
  ['#/knowledge-base', 'Knowledge base', true, true],
  ['#/playground', 'Try the assistant', false, true],
  ['#/api-keys', 'API keys', true, true],
  ['#/operators', 'Operators', true, true],
];

function logout(): void {
  live.stop();
  void endSession();
  session.clear();
  shell = null;
  location.hash = '#/login';
  route();
}

whenUnauthorized(() => {
  if (session.token) {
    toast('Your session has expired. Please sign in again.', true);
    logout();
  }
});

function loginView(): void {
  shell = null;
  const error = h('p', { class: 'error', role: 'alert' });
  const form: HTMLFormElement = h('form', { class: 'login-card', onsubmit: async (e: Event) => {
    e.preventDefault();
    error.textContent = '';
    const d = new FormData(form);
    try {
      const res = await api<{ accessToken: string; operator: Operator }>('/api/v1/auth/login', { method: 'POST', body: { email: d.get('email'), password: d.get('password') } });
      session.save(res.accessToken, res.operator);
      const target = sessionStorage.getItem('supportchat.console.after-login') || '#/inbox';
      sessionStorage.removeItem('supportchat.console.after-login');
      location.hash = target;
      route();
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  } },
  h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true', html: LOGO }), 'SupportChat'),
  h('h1', null, 'Sign in to the console'),
  h('label', { class: 'field' }, h('span', null, 'Email'), h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true, autofocus: true })),
  h('label', { class: 'field' }, h('span', null, 'Password'), h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
  error,
  h('button', { class: 'btn primary wide', type: 'submit' }, 'Sign in'));
  mount(app, h('main', { class: 'login' }, form));
  (form.querySelector('input') as HTMLInputElement).focus();
}

function buildShell(): NonNullable<typeof shell> {
  const op = session.operator;
  const status = h('span', { class: 'live-dot', role: 'status', title: 'Live updates' }, 'Connecting…');
  const nav = h('nav', { class: 'side', 'aria-label': 'Console' });
  const main = h('main', { class: 'content', id: 'content', tabindex: '-1' });
  mount(app,
    h('a', { class: 'skip', href: '#content', onclick: (e: Event) => { e.preventDefault(); main.focus(); } }, 'Skip to content'),
    h('header', { class: 'top' },
      h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true', html: LOGO }), 'SupportChat'),
      h('div', { class: 'top-right' }, status,
        h('span', { class: 'me' }, op ? `${op.name} · ${op.role}` : ''),
        h('button', { class: 'btn ghost', onclick: logout }, 'Sign out'))),
    h('div', { class: 'layout' }, nav, main));
  live.onState((c) => {
    status.textContent = c ? 'Live' : 'Reconnecting…';
    status.classList.toggle('on', c);
  });
  live.on((event, entry) => {
    if (event === 'handoff') {
      beep();
      handoffAlert(entry.conversationId, entry.summary || entry.text || 'A conversation was handed off.');
    }
  });
  live.start();
  return { main, nav, status };
}

function renderNav(nav: HTMLElement, hash: string): void {
  const isAdmin = session.operator?.role === 'admin';
  const shown = NAV.filter(([, , admin]) => !admin || isAdmin);
  // agents see no settings, so "Try the assistant" stands on its own for them
  const settingsHeading = shown.some(([, , admin, settings]) => admin && settings);
  mount(nav, h('ul', null, shown.map(([href, label, , settings], i) => [
    settings && settingsHeading && (i === 0 || !shown[i - 1][3]) ? h('li', { class: 'nav-group' }, 'Settings') : null,
    h('li', null, h('a', { href, 'aria-current': hash.startsWith(href) || (href === '#/inbox' && hash.startsWith('#/conversations')) ? 'page' : null }, label)),
  ])));
}

function route(): void {
  cleanup?.();
  cleanup = null;
  const hash = location.hash || '#/inbox';
  if (!session.token) {
    if (hash !== '#/login') sessionStorage.setItem('supportchat.console.after-login', hash);
    loginView();
    return;
  }
  if (hash === '#/login') {
    location.hash = '#/inbox';
    return;
  }
  if (!shell) shell = buildShell();
  renderNav(shell.nav, hash);
  const main = shell.main;
  const conv = /^#\/conversations\/([\w-]+)/.exec(hash);
  if (conv || hash.startsWith('#/inbox')) cleanup = inboxView(main, conv ? conv[1] : null);
  else if (hash === '#/analytics') analyticsView(main);
  else if (hash === '#/settings/widget') settingsView(main, 'Session rules', 'What visitors can do in the widget.', '/api/v1/settings/widget');
  else if (hash === '#/settings/handoff') settingsView(main, 'Handoff', 'When the AI hands a conversation to your team: levels, triggers, office hours, forbidden topics and custom phrases.', '/api/v1/settings/handoff');
  else if (hash === '#/settings/notifications') settingsView(main, 'Notifications', 'Who is told about handoffs, and how (email, SMS).', '/api/v1/settings/notifications');
  else if (hash === '#/settings/ai') settingsView(main, 'AI assistant', 'How the assistant answers: model, instructions and confidence.', '/api/v1/settings/ai');
  else if (hash === '#/knowledge-base') knowledgeBaseView(main);
  else if (hash === '#/playground') playgroundView(main);
  else if (hash === '#/api-keys') apiKeysView(main);
  else if (hash === '#/operators') operatorsView(main);
  else mount(main, h('div', { class: 'page' }, h('h1', null, 'Not found'), h('a', { href: '#/inbox' }, 'Back to the inbox')));
  document.title = (document.querySelector('nav.side a[aria-current="page"]')?.textContent || 'Console') + ' · SupportChat';
}

window.addEventListener('hashchange', route);
// a new tab, or a reload after the token ran out: the refresh cookie may still hold a session
(session.token ? Promise.resolve(true) : refreshSession()).finally(route);

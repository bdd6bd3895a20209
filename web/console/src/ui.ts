import { h } from './dom';

/** A short message at the bottom of the screen; errors stay longer and are announced assertively. */
export function toast(text: string, error = false): void {
  let region = document.getElementById('toasts');
  if (!region) {
    region = h('div', { id: 'toasts', class: 'toasts' });
    document.body.appendChild(region);
  }
  const node = h('div', { class: 'toast' + (error ? ' error' : ''), role: error ? 'alert' : 'status' }, text);
  region.appendChild(node);
  setTimeout(() => node.remove(), error ? 8000 : 3500);
}

/** The handoff alert: stays until dismissed or opened, one per conversation. */
export function handoffAlert(conversationId: string, text: string): void {
  let region = document.getElementById('alerts');
  if (!region) {
    region = h('div', { id: 'alerts', class: 'alerts', 'aria-live': 'assertive' });
    document.body.appendChild(region);
  }
  if (region.querySelector(`[data-id="${conversationId}"]`)) return;
  const node: HTMLElement = h('div', { class: 'alert', role: 'alert', 'data-id': conversationId },
    h('div', null, h('strong', null, 'A customer is waiting for a human'), h('p', null, text)),
    h('a', { class: 'btn primary', href: '#/conversations/' + conversationId, onclick: () => node.remove() }, 'Open'),
    h('button', { class: 'btn ghost', type: 'button', 'aria-label': 'Dismiss', onclick: () => node.remove() }, '✕'));
  region.appendChild(node);
}

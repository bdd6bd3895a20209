import { api } from './api';
import { h, humanize, mount } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
function s(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Horizontal bars as inline SVG: no chart library. */
export function bars(title: string, data: Array<[string, number]>, color = 'var(--brand)'): HTMLElement {
  const max = Math.max(1, ...data.map(([, v]) => v));
  const row = 30;
  const svg = s('svg', { viewBox: `0 0 420 ${data.length * row + 4}`, width: '100%', role: 'img', 'aria-label': title + ': ' + data.map(([k, v]) => `${k} ${v}`).join(', ') }) as SVGSVGElement;
  data.forEach(([label, value], i) => {
    const y = i * row + 4;
    svg.appendChild(s('text', { x: 0, y: y + 16, 'font-size': 12, fill: '#4b5563' }, label));
    svg.appendChild(s('rect', { x: 150, y: y + 4, width: 220, height: 16, rx: 4, fill: '#f1f5f9' }));
    svg.appendChild(s('rect', { x: 150, y: y + 4, width: Math.max(value > 0 ? 3 : 0, (220 * value) / max), height: 16, rx: 4, fill: color }));
    svg.appendChild(s('text', { x: 378, y: y + 16, 'font-size': 12, fill: '#111827', 'font-weight': 600 }, String(value)));
  });
  return h('div', { class: 'card chart' }, h('h3', null, title), svg as unknown as Node);
}

function pct(v?: number | null): string {
  return v === null || v === undefined ? '–' : Math.round(v * 100) + '%';
}

function secs(v?: number | null): string {
  if (v === null || v === undefined) return '–';
  return v < 90 ? Math.round(v) + ' s' : Math.round(v / 60) + ' min';
}

export function analyticsView(target: HTMLElement): void {
  let days = Number(sessionStorage.getItem('supportchat.console.days') || 30);
  const load = async () => {
    mount(target, h('div', { class: 'page' }, h('h1', null, 'Analytics'), h('p', { class: 'muted' }, 'Loading…')));
    const to = new Date();
    const from = new Date(to.getTime() - days * 86400000);
    try {
      const a = await api(`/api/v1/analytics/summary?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`);
      const select = h('select', { 'aria-label': 'Period', onchange: (e: Event) => {
        days = Number((e.target as HTMLSelectElement).value);
        sessionStorage.setItem('supportchat.console.days', String(days));
        void load();
      } }, [[1, 'Last 24 hours'], [7, 'Last 7 days'], [30, 'Last 30 days'], [90, 'Last 90 days']].map(([d, t]) => h('option', { value: d, selected: d === days }, t)));
      const tile = (label: string, value: string, hint?: string) => h('div', { class: 'tile' }, h('span', { class: 'muted small' }, label), h('strong', null, value), hint ? h('span', { class: 'muted small' }, hint) : null);
      const triggers = Object.entries(a.handedOffByTrigger || {}).map(([k, v]) => [humanize(k.toLowerCase()).replace(/^Ai /, 'AI '), Number(v)] as [string, number]);
      mount(target, h('div', { class: 'page analytics' },
        h('div', { class: 'page-head' }, h('h1', null, 'Analytics'), select),
        h('div', { class: 'tiles' },
          tile('Conversations', String(a.conversations)),
          tile('Resolution rate', pct(a.resolutionRate), `${a.resolved} resolved`),
          tile('Resolved by AI', String(a.aiResolved)),
          tile('Handed off', String(a.handedOff), `${a.waitingForHuman} waiting now`),
          tile('CSAT', a.csatAverage == null ? '–' : a.csatAverage.toFixed(1) + ' / 5', `${a.csatResponses} ratings`),
          tile('Helpful answers', pct(a.helpfulRatio), `${a.helpful} helpful · ${a.notHelpful} not`)),
        h('div', { class: 'charts' },
          bars('AI vs human', [['Resolved by AI', a.aiResolved], ['Handed off', a.handedOff], ['Waiting for a human', a.waitingForHuman]]),
          bars('Handoffs by trigger', triggers.length ? triggers : [['None yet', 0]], '#f59e0b'),
          bars('Answer feedback', [['Helpful', a.helpful], ['Not helpful', a.notHelpful]], '#10b981'),
          h('div', { class: 'card chart' }, h('h3', null, 'Response times'),
            h('dl', { class: 'kv' },
              h('dt', null, 'First response (median)'), h('dd', null, secs(a.firstResponseSecondsP50)),
              h('dt', null, 'First response (90th pct.)'), h('dd', null, secs(a.firstResponseSecondsP90)),
              h('dt', null, 'Time to a human (median)'), h('dd', null, secs(a.timeToHumanSecondsP50)))))));
    } catch (e) {
      mount(target, h('div', { class: 'page' }, h('h1', null, 'Analytics'), h('p', { class: 'error', role: 'alert' }, (e as Error).message)));
    }
  };
  void load();
}

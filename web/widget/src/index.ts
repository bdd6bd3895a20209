import { SupportChatClient } from './client';
import { WidgetUI } from './ui';
import { WidgetOptions } from './types';

export type * from './types';
export { SupportChatClient } from './client';
export { WidgetUI } from './ui';

// Where widget.js was loaded from: the default API base when the page embeds it from the platform.
const scriptOrigin = (() => {
  try {
    const src = (document.currentScript as HTMLScriptElement | null)?.src;
    return src ? new URL(src).origin : '';
  } catch (_) {
    return '';
  }
})();

let instance: WidgetUI | null = null;

function withBase(options: WidgetOptions): WidgetOptions {
  return { ...options, apiBase: options.apiBase ?? scriptOrigin };
}

/** Mounts the chat widget (launcher + panel) on the page; calling it again replaces the previous one. */
export function init(options: WidgetOptions): WidgetUI {
  instance?.destroy();
  const ui = new WidgetUI(withBase(options));
  const mount = () => ui.mount(options.container || document.body);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
  instance = ui;
  return ui;
}

/** The same client without any UI, for customers who build their own. */
export function createClient(options: WidgetOptions): SupportChatClient {
  return new SupportChatClient(withBase(options));
}

export function open(): void {
  instance?.open();
}

export function close(): void {
  instance?.close();
}

export function destroy(): void {
  instance?.destroy();
  instance = null;
}

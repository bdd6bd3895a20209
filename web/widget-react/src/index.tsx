// A thin React wrapper: <SupportChatWidget options={...}/> mounts the widget (loaded from widget.js) and
// removes it on unmount. React is the host page's; the widget itself is not bundled here.
import * as React from 'react';

declare global {
  interface Window {
    SupportChat?: { init: (options: any) => { destroy: () => void }; createClient: (options: any) => any };
  }
}

export interface SupportChatWidgetProps {
  options: Record<string, any> & { token: string };
  /** where widget.js is served; defaults to options.apiBase + '/widget.js' or '/widget.js' */
  scriptSrc?: string;
}

let loading: Promise<void> | null = null;

function loadWidget(src: string): Promise<void> {
  if (typeof window === 'undefined') return Promise.resolve();
  if (window.SupportChat) return Promise.resolve();
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = () => resolve();
      script.onerror = () => {
        loading = null;
        reject(new Error('could not load ' + src));
      };
      document.head.appendChild(script);
    });
  }
  return loading;
}

export function SupportChatWidget({ options, scriptSrc }: SupportChatWidgetProps): null {
  const key = JSON.stringify({ ...options, onHandoff: undefined, onMessage: undefined, onStatus: undefined });
  const latest = React.useRef(options);
  latest.current = options;
  React.useEffect(() => {
    let widget: { destroy: () => void } | null = null;
    let cancelled = false;
    const src = scriptSrc || (options.apiBase ? options.apiBase.replace(/\/$/, '') + '/widget.js' : '/widget.js');
    loadWidget(src).then(() => {
      if (cancelled || !window.SupportChat) return;
      const o = latest.current;
      widget = window.SupportChat.init({
        ...o,
        onHandoff: (p: unknown) => latest.current.onHandoff?.(p),
        onMessage: (m: unknown) => latest.current.onMessage?.(m),
        onStatus: (...a: unknown[]) => latest.current.onStatus?.(...a),
        onCsatRequested: (id: string) => latest.current.onCsatRequested?.(id),
      });
    }, (e) => console.error('[SupportChat]', e));
    return () => {
      cancelled = true;
      widget?.destroy();
    };
  }, [key, scriptSrc]);
  return null;
}

/** The headless client as a hook: a UI of your own on the same API. */
export function useSupportChatClient(options: SupportChatWidgetProps['options'], scriptSrc?: string): any {
  const [client, setClient] = React.useState<any>(null);
  const key = JSON.stringify({ ...options, onHandoff: undefined, onMessage: undefined, onStatus: undefined });
  React.useEffect(() => {
    let c: any = null;
    loadWidget(scriptSrc || '/widget.js').then(() => {
      c = window.SupportChat!.createClient(options);
      setClient(c);
    });
    return () => c?.destroy();
  }, [key]);
  return client;
}

export default SupportChatWidget;

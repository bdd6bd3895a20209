import { EventStream } from '../../shared/sse';
import { refreshSession, session } from './api';

export interface LiveEntry {
  id: string;
  conversationId: string;
  seq: number;
  kind: string;
  author: { type: string; displayName?: string };
  text?: string;
  status?: string;
  summary?: string;
  trigger?: string;
  createdAt: string;
}

type Listener = (event: string, entry: LiveEntry) => void;

/** The org's live stream (GET /api/v1/events), shared by every view; a reconnect tells views to reload. */
export class Live {
  private stream: EventStream | null = null;
  private listeners = new Set<Listener>();
  private reconnectListeners = new Set<() => void>();
  private stateListeners = new Set<(connected: boolean) => void>();
  private everDropped = false;
  connected = false;

  start(): void {
    if (this.stream) return;
    this.stream = new EventStream({
      url: '/api/v1/events',
      headers: () => ({ Authorization: 'Bearer ' + session.token }),
      // 401: the access token ran out; renew it and reconnect (resuming with Last-Event-ID), unless the session ended
      onRefused: async (status) => (status === 401 ? refreshSession() : status !== 403),
      onOpen: () => {
        this.setConnected(true);
        if (this.everDropped) this.reconnectListeners.forEach((l) => l());
      },
      onDrop: () => {
        this.everDropped = true;
        this.setConnected(false);
      },
      onEvent: (e) => {
        try {
          const entry = JSON.parse(e.data) as LiveEntry;
          this.listeners.forEach((l) => l(e.event, entry));
        } catch (_) {
          /* a comment or malformed data */
        }
      },
    }).start();
  }

  stop(): void {
    this.stream?.close();
    this.stream = null;
    this.setConnected(false);
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  onState(listener: (connected: boolean) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private setConnected(c: boolean): void {
    this.connected = c;
    this.stateListeners.forEach((l) => l(c));
  }
}

export const live = new Live();

/** A short two-tone beep with the Web Audio API (no audio file to ship). */
export function beep(): void {
  try {
    const Ctx = (window as any).AudioContext || (window as any).webkitAudioContext;
    if (!Ctx) return;
    const ctx: AudioContext = (beep as any).ctx || ((beep as any).ctx = new Ctx());
    void ctx.resume?.();
    [880, 1320].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const t = ctx.currentTime + i * 0.18;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.16);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.17);
    });
  } catch (_) {
    /* no audio */
  }
}

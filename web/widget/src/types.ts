export type AuthorType = 'VISITOR' | 'AI' | 'OPERATOR' | 'SYSTEM';
export type ConversationStatus = 'UNRESOLVED' | 'ESCALATED' | 'RESOLVED';

export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  kind?: 'MESSAGE' | 'STATUS' | 'HANDOFF' | 'ASSIGNMENT';
  author: { type: AuthorType; displayName?: string };
  text: string;
  createdAt: string;
  clientMessageId?: string;
  status?: ConversationStatus;
  summary?: string;
  trigger?: string;
  /** set locally while a visitor message is on its way */
  pending?: boolean;
  failed?: boolean;
}

export interface Conversation {
  id: string;
  status: ConversationStatus;
  createdAt: string;
  lastActivityAt?: string;
  lastMessagePreview?: string;
  lastSeq?: number;
  resolvedAt?: string;
  handoff?: { trigger?: string; summary?: string };
  firstMessage?: Message;
}

export interface SessionRules {
  allowMultipleOpen: boolean;
  showConversationList: boolean;
  firstTimeStraightToChat: boolean;
  visitorCanClose: boolean;
  helpfulPrompt: boolean;
  operatorLabel: string;
}

export interface Identity {
  type: 'anonymous' | 'non_verified' | 'verified';
  visitorId?: string;
  contactId?: string;
  externalId?: string;
  name?: string;
  email?: string;
}

export interface ExtraField {
  key: string;
  label?: string;
  type?: 'text' | 'email' | 'tel' | 'number' | 'url';
  required?: boolean;
  placeholder?: string;
}

export interface HandoffPayload {
  conversationId: string;
  summary?: string;
  trigger?: string;
  message: Message;
}

export interface ClientHooks {
  onReady?: (state: { identity: Identity; rules: SessionRules }) => void;
  onMessage?: (message: Message) => void;
  onStatus?: (status: ConversationStatus, conversationId: string, entry?: Message) => void;
  onHandoff?: (payload: HandoffPayload) => void;
  onCsatRequested?: (conversationId: string) => void;
  onConnectionChange?: (connected: boolean) => void;
  onError?: (error: WidgetError) => void;
}

export interface WidgetOptions extends ClientHooks {
  token: string;
  apiBase?: string;
  user?: { token?: string; externalId?: string };
  collectUserData?: boolean;
  prefillUserData?: { name?: string; email?: string };
  extraDataCollectionFields?: Array<string | ExtraField>;
  thisWasHelpfulOrNot?: boolean;
  /** UI only */
  title?: string;
  subtitle?: string;
  brandColor?: string;
  position?: 'right' | 'left';
  greeting?: string;
  openOnLoad?: boolean;
  container?: HTMLElement;
}

export class WidgetError extends Error {
  constructor(message: string, readonly status: number, readonly problem?: { type?: string; title?: string; detail?: string }) {
    super(message);
  }
}

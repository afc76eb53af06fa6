import type { Role } from '../../../src/realtime/messages.js';
import { type ConnectionStatus, connectRealtime, type RealtimeOptions } from './realtime-client.js';

export type { ConnectionStatus };

/** The page's own WebSocket endpoint: same host, so the CSP's connect-src 'self' holds. */
export function realtimeUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

export function connect<R extends Role>(options: Omit<RealtimeOptions<R>, 'url'>) {
  return connectRealtime<R>({ ...options, url: realtimeUrl() });
}

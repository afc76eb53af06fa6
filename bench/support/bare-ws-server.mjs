/**
 * The physical limit of a fan-out on this machine: a bare `ws` server with no application around it.
 * POST /join answers a join-sized request at once (the HTTP limit); POST /fanout?bytes=B answers at once, then sends every socket its own frame of B bytes in one turn,
 * as a server that does nothing but the send would.
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const sockets = new Set();
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/healthz') return response.end('ok');
  // The HTTP limit a join is measured against: read the body, parse it, answer.
  if (url.pathname === '/join') {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const parsed = JSON.parse(body);
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ participantId: String(parsed.displayName), token: 'x'.repeat(21) }));
    });
    return;
  }
  if (url.pathname !== '/fanout') return response.writeHead(404).end();
  const bytes = Math.max(64, Math.min(1 << 20, Number(url.searchParams.get('bytes')) || 1024));
  const round = Number(url.searchParams.get('round')) || 1;
  response.end('ok');
  setImmediate(() => {
    // Stamped at the send, as Tischwechsel stamps its frames (serverTime: 13 digits, 16 more bytes).
    const pad = 'x'.repeat(Math.max(0, bytes - 80));
    let i = 0;
    for (const socket of sockets)
      socket.send(
        `{"type":"snapshot","round":${round},"i":${i++},"pad":"${pad}","serverTime":${Date.now()}}`,
      );
  });
});
const wss = new WebSocketServer({ server, path: '/ws' });
wss.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => socket.terminate());
  socket.on('message', () => socket.send('{"type":"snapshot","round":0}'));
});
server.listen(Number(process.env.PORT), '127.0.0.1');

import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RawData, WebSocket } from 'ws';
import { Connection } from '../realtime/connection.js';
import { Heartbeat } from '../realtime/heartbeat.js';
import { authenticate } from '../realtime/hello.js';
import { Hub } from '../realtime/hub.js';
import {
  CLOSE,
  clientMessage,
  HELLO_TIMEOUT_MS,
  helloRefusal,
  MAX_FRAME_BYTES,
} from '../realtime/messages.js';
import { SOCKETS_PER_SECRET, SocketCounter, secretKey } from '../realtime/socket-caps.js';
import { eventLinks } from '../routes/params.js';

declare module 'fastify' {
  interface FastifyInstance {
    hub: Hub;
  }
}

/** Browsers send Origin: only pages of this service may open a socket; non-browser clients send none. */
function originAllowed(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  const host = request.headers.host;
  return origin === new URL(publicUrl).origin || origin === `http://${host}` || origin === `https://${host}`;
}

/** How long a shutdown waits for clients to answer the close frame before it cuts them off. */
const CLOSE_HANDSHAKE_GRACE_MS = 2_000;

interface Caps {
  byAddress: SocketCounter;
  bySecret: SocketCounter;
}

function handleSocket(
  app: FastifyInstance,
  socket: WebSocket,
  address: string,
  all: Set<Connection>,
  caps: Caps,
): void {
  const connection = new Connection(socket, app.now);
  // Checked at the upgrade already; a burst of upgrades can still overshoot, so counted here.
  if (!caps.byAddress.take(address, app.config.SOCKETS_PER_ADDRESS)) {
    connection.close(CLOSE.policy, 'too many sockets from this address');
    return;
  }
  let secret: string | null = null;
  all.add(connection);
  const helloTimer = setTimeout(
    () => connection.close(CLOSE.helloTimeout, 'no hello within 5 s'),
    HELLO_TIMEOUT_MS,
  );

  socket.on('pong', () => {
    connection.alive = true;
  });
  socket.on('close', () => {
    clearTimeout(helloTimer);
    caps.byAddress.release(address);
    if (secret) caps.bySecret.release(secret);
    all.delete(connection);
    app.hub.leave(connection);
  });
  socket.on('error', () => socket.terminate());
  // One message at a time, in the order they came: a hello reads the database, and what follows it
  // (a ping, a resync) must find the socket identified.
  let handling: Promise<void> = Promise.resolve();
  socket.on('message', (data, isBinary) => {
    if (!connection.takeToken()) return connection.rateLimited();
    handling = handling
      .then(() => handleMessage(data, isBinary))
      .catch((err: unknown) => {
        app.log.error({ err }, 'socket message failed');
        connection.close(CLOSE.internal, 'server error');
      });
  });

  async function handleMessage(data: RawData, isBinary: boolean): Promise<void> {
    if (!connection.open) return;
    let raw: unknown;
    let parsed: ReturnType<typeof clientMessage.safeParse> | null = null;
    if (!isBinary) {
      try {
        raw = JSON.parse(data.toString());
        parsed = clientMessage.safeParse(raw);
      } catch {
        parsed = null;
      }
    }
    const subscription = connection.subscription;
    if (!parsed?.success) {
      if (!subscription) {
        const code = helloRefusal(raw);
        clearTimeout(helloTimer);
        return connection.close(
          code,
          code === CLOSE.unauthorized ? 'malformed credential' : 'the first message must be a hello',
        );
      }
      connection.send({
        type: 'error',
        code: 'invalid_message',
        message: 'Not a message this server understands.',
      });
      return;
    }
    const message = parsed.data;
    if (message.type === 'hello') {
      if (subscription) {
        connection.send({
          type: 'error',
          code: 'already_identified',
          message: 'This socket already said hello.',
        });
        return;
      }
      clearTimeout(helloTimer);
      const who = await authenticate(app.db, message);
      // The socket may have closed while the secret was looked up: nothing to count or join then.
      if (!connection.open) return;
      if (!who) return connection.close(CLOSE.unauthorized, 'unknown or wrong secret');
      if (!caps.bySecret.take(secretKey(who), SOCKETS_PER_SECRET[who.role])) {
        return connection.close(CLOSE.policy, 'too many sockets for this secret');
      }
      secret = secretKey(who);
      // In the room before the views are read, so a change committed meanwhile reaches it by push.
      app.hub.join(connection, who);
      const views = await app.hub.viewsFor(who.eventId);
      if (!views) {
        app.hub.leave(connection);
        return connection.close(CLOSE.gone, 'event erased');
      }
      if (!connection.open) return;
      const currentDataId = app.dataId;
      const reset = message.dataId !== undefined && message.dataId !== currentDataId;
      const built = views.for(who);
      if (!reset && built && message.etag === built.etag) {
        connection.lastEtag = built.etag;
        connection.version = views.version;
        connection.send({
          type: 'unchanged',
          dataId: currentDataId,
          version: views.version,
          etag: built.etag,
        });
        return;
      }
      app.hub.push(connection, views, currentDataId, reset);
      return;
    }
    if (!subscription) return connection.close(CLOSE.protocol, 'the first message must be a hello');
    if (message.type === 'ping') connection.send({ type: 'pong' });
    if (message.type === 'resync') {
      const views = await app.hub.viewsFor(subscription.eventId);
      if (views && connection.open) app.hub.push(connection, views, app.dataId, true);
    }
  }
}

/** One WebSocket endpoint; identity comes in the first message, never in the URL. */
export default fp(
  async (app) => {
    const all = new Set<Connection>();
    const caps: Caps = { byAddress: new SocketCounter(), bySecret: new SocketCounter() };
    const addressOf = (request: FastifyRequest) => request.ip ?? 'local';
    const hub = new Hub({
      db: app.db,
      dataId: () => app.dataId,
      joinUrl: (code) => eventLinks(app.config.PUBLIC_URL, code).join,
      onError: (err, eventId) => app.log.error({ err, eventId }, 'realtime push failed'),
      now: app.now,
    });
    app.decorate('hub', hub);
    app.changes.on('changed', (eventId, source) => hub.changed(eventId, source));
    app.changes.on('erased', (eventId) => hub.erased(eventId));
    app.changes.on('screenRevoked', (eventId) => hub.revoke(eventId, 'screen'));

    let heartbeat: { stop(): void } | undefined;
    await app.register(websocket, {
      options: { maxPayload: MAX_FRAME_BYTES },
      // Replaces the default close-all: tell every socket a restart is coming (1012) so clients come back.
      preClose: async () => {
        heartbeat?.stop();
        for (const connection of all) {
          connection.send({ type: 'restarting' });
          connection.close(CLOSE.restarting, 'server restarting');
        }
        const closed = new Promise<void>((resolve) => app.websocketServer.close(() => resolve()));
        // A phone that has left the Wi-Fi never answers the close frame, and ws would wait 30 s for it:
        // past a short grace the rest are cut, so a restart never waits on the slowest phone.
        const grace = setTimeout(() => {
          for (const client of app.websocketServer.clients) client.terminate();
        }, CLOSE_HANDSHAKE_GRACE_MS);
        await closed;
        clearTimeout(grace);
      },
    });

    app.get(
      '/ws',
      {
        websocket: true,
        schema: { hide: true },
        preValidation: async (request, reply) => {
          if (!originAllowed(request, app.config.PUBLIC_URL)) {
            await reply.code(403).send({ error: { code: 'bad_origin', message: 'Origin not allowed.' } });
            return;
          }
          // Refused before the upgrade, so a flood of sockets from one address costs no socket at all.
          if (!caps.byAddress.has(addressOf(request), app.config.SOCKETS_PER_ADDRESS)) {
            await reply
              .code(429)
              .send({ error: { code: 'rate_limited', message: 'Too many sockets from this address.' } });
          }
        },
      },
      (socket, request) => handleSocket(app, socket, addressOf(request), all, caps),
    );

    heartbeat = new Heartbeat(all).start();
  },
  { name: 'realtime', dependencies: ['db', 'changes'] },
);

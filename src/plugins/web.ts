import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/** Serves the built web client; the page routes all load index.html, which picks the page from the path. */
export default fp<{ root: string }>(
  async (app, { root }) => {
    const dir = resolve(root);
    if (!existsSync(resolve(dir, 'index.html'))) {
      app.log.warn({ dir }, 'web client not built: run npm run build:web');
      return;
    }
    await app.register(fastifyStatic, { root: dir, prefix: '/', index: false, wildcard: false });
    for (const path of [
      '/',
      '/j/:code',
      '/m/:code',
      '/s/:code',
      '/m/:code/print',
      '/privacy',
      '/accessibility',
      '/leichte-sprache',
      '/c/:code',
      '/m/:code/import',
      '/m/:code/badges',
    ]) {
      app.get(path, { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
    }
  },
  { name: 'web' },
);

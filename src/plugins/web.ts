import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/** Serves the built web client; the page routes all load index.html, which picks the page from the path. */
export default fp<{ root: string }>(
  async (app, { root }) => {
    const dir = resolve(root);
    if (!existsSync(resolve(dir, 'index.html'))) {
      app.log.warn({ dir }, 'web client not built: run npm run build');
      return;
    }
    await app.register(fastifyStatic, { root: dir, prefix: '/', index: false, wildcard: false });
    for (const path of [
      '/',
      '/new',
      '/j/:code',
      '/m/:code',
      '/s/:code',
      '/m/:code/print',
      '/m/:code/cards',
      '/privacy',
      '/accessibility',
      '/leichte-sprache',
      '/c/:code',
      '/m/:code/import',
      '/m/:code/badges',
      '/guide',
    ]) {
      app.get(path, { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
    }
    // Browsers ask for /favicon.ico whatever the page links; the SVG icon answers both.
    app.get('/favicon.ico', { schema: { hide: true } }, (_request, reply) =>
      reply.type('image/svg+xml').sendFile('favicon.svg'),
    );
  },
  { name: 'web' },
);

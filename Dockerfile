# syntax=docker/dockerfile:1
# Tischwechsel: one process, one SQLite file under /data.
#   docker build -t tischwechsel .
#   docker run -d -p 3000:3000 -v tischwechsel-data:/data -e PUBLIC_URL=https://tische.example.org tischwechsel

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched. Build tools stay in this
# stage; Debian's stable versions are pinned by the base image's release.
# hadolint ignore=DL3008
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json vite.config.ts ./
COPY scripts ./scripts
COPY web ./web
COPY src ./src
COPY migrations ./migrations
# The same build as `npm start` runs: esbuild for the server, vite for the pages. Only then the dev
# dependencies go; nothing at run time needs them.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_PATH=/data/tischwechsel.sqlite \
    WEB_DIST=/app/dist/web
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
# dist/server (the bundles), dist/migrations and dist/swagger-ui (found beside them) and dist/web.
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data && chmod 0700 /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# Node itself is PID 1, so SIGTERM reaches the graceful shutdown (sockets hear 1012, exit 0).
CMD ["node", "dist/server/server.js"]

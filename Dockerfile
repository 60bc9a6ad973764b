# syntax=docker/dockerfile:1
# Ketenkaart API with the built web app. Multi-stage: dependencies, web build, then a slim non-root runtime.
# Node 22 LTS on Debian (glibc): the embedded store's native binding is built for linux-x64/arm64 glibc.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY schema/package.json schema/
COPY api/package.json api/
COPY seed/package.json seed/
COPY web/package.json web/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund

FROM deps AS web
COPY tsconfig.json ./
COPY schema schema
COPY web web
RUN npm run build --workspace web

FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY schema/package.json schema/
COPY api/package.json api/
COPY seed/package.json seed/
COPY web/package.json web/
COPY tests/package.json tests/
# Runtime dependencies only, plus tsx, which runs the TypeScript sources (as npm start does).
RUN npm ci --omit=dev --no-audit --no-fund && npm install --no-save --no-audit --no-fund tsx@4.23.15

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    KETENKAART_DATA_DIR=/data \
    KETENKAART_BACKUP_DIR=/data/backups
WORKDIR /app
COPY --from=runtime-deps /app/node_modules node_modules
COPY package.json tsconfig.json ./
COPY schema schema
COPY api api
COPY seed seed
COPY --from=web /app/web/dist web/dist
COPY web/package.json web/
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains requests and closes the store; SIGUSR2 writes a backup of the embedded store.
CMD ["node", "--import", "tsx", "api/src/server.ts"]

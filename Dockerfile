# syntax=docker/dockerfile:1
#
# One image for every llmops process: the seven services and the standalone host.
#
#   docker build -t llmops .                          # runs standalone by default (port 8080)
#   docker build --build-arg SERVICE=ingestion -t llmops-ingestion .
#   docker run llmops node dist/apps/serving/src/main.js   # or pick the app by command
#
# docker-compose.yml and deploy/ use the same image and choose the app with `command`.

ARG NODE_VERSION=22

# ---- builder: install everything, compile to dist/, then drop the dev dependencies -------------------
FROM node:${NODE_VERSION}-bookworm-slim AS builder
WORKDIR /app
ENV CI=true \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# Dependencies first so that a source-only change reuses this layer. `--ignore-scripts` because the
# package's own `prepare` would run the build before the sources are here; none of the dependencies
# needs its install script (@swc/core ships its binary as an optional dependency, nx's only sets up
# its daemon, @scarf/scarf is telemetry).
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts

COPY tsconfig.base.json tsconfig.json .swcrc ./
COPY tools/build ./tools/build
COPY libs ./libs
COPY apps ./apps
COPY bin ./bin
RUN npm run build \
 && for app in standalone ingestion labeling training evaluation registry serving monitoring; do \
      test -f "dist/apps/$app/src/main.js" || { echo "missing dist/apps/$app/src/main.js" >&2; exit 1; }; \
    done \
 && npm prune --omit=dev --ignore-scripts

# ---- runtime: node_modules (production only), dist/ and package.json, run as `node` -----------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ARG SERVICE=standalone
LABEL org.opencontainers.image.title="llmops" \
      org.opencontainers.image.description="llmops services (ingestion, labeling, training, evaluation, registry, serving, monitoring) and the standalone host" \
      org.opencontainers.image.source="https://github.com/llmops/llmops" \
      org.opencontainers.image.licenses="Apache-2.0"

WORKDIR /app
ENV NODE_ENV=production \
    LLMOPS_APP=${SERVICE}

COPY --from=builder --chown=node:node /app/package.json ./package.json
COPY --from=builder --chown=node:node /app/node_modules ./node_modules
COPY --from=builder --chown=node:node /app/dist ./dist
COPY --from=builder --chown=node:node /app/bin ./bin
# curl-free healthcheck for compose: `node deploy/docker/healthcheck.js http://127.0.0.1:<port>/health/ready`.
COPY --chown=node:node deploy/docker/healthcheck.js ./deploy/docker/healthcheck.js

# Standalone keeps its embedded database, objects and key file under /app/.llmops; mount a volume there.
RUN mkdir -p /app/.llmops && chown node:node /app/.llmops

USER node
# 3001-3007: the services (libs/service-host/src/service-ports.ts); 8080: standalone.
EXPOSE 3001 3002 3003 3004 3005 3006 3007 8080

# `exec` so that node is PID 1's direct replacement and receives SIGTERM for the graceful shutdown.
CMD ["sh", "-c", "exec node \"dist/apps/${LLMOPS_APP}/src/main.js\""]

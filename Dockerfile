# The monitor as a container (docs/deploy.md "Container image"). Not built in this repository's CI (no Docker
# engine there): tests/unit/deploy/dockerfile.test.ts parses this file and checks its properties.
#
#   docker build -t trackers-contract .
#   docker run --rm -p 9464:9464 -e CAP_BASE_URL=... -e CAP_USERNAME=... -e CAP_PASSWORD=... trackers-contract
#
# The base is pinned to the Node version the tests run on; pin it by digest too where the
# registry is reachable (FROM node:20.20.2-bookworm-slim@sha256:...).

# Build stage: dev dependencies (tsc) and the sources, only to produce dist/.
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` builds dist/, and the sources are not copied yet.
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build

# Runtime stage: production dependencies and what package.json "files" ships, nothing else
# (the same set the pack-and-install test proves runs outside the repository).
FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production \
    MONITOR_HOST=0.0.0.0 \
    MONITOR_PORT=9464
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would run tsc, which is a dev dependency; no production
# dependency has an install script.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist/ ./dist/
COPY schemas/ ./schemas/
COPY contracts/ ./contracts/
COPY openapi/ ./openapi/
COPY monitor/prometheus/ ./monitor/prometheus/
COPY monitor/grafana/ ./monitor/grafana/
COPY monitor/slo/trackers.slo.yml ./monitor/slo/trackers.slo.yml
COPY monitor/targets.example.json ./monitor/
COPY .env.example ./
# Numeric (the image's `node` user), so Kubernetes' runAsNonRoot can verify it is not root.
USER 1000:1000
EXPOSE 9464
# No curl in the slim image: node itself asks /healthz (open even with --web.config.file).
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "require('node:http').get('http://127.0.0.1:' + (process.env.MONITOR_PORT || 9464) + '/healthz', (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself (the monitor stops on it); no shell between.
ENTRYPOINT ["node", "dist/cli/trackers-contract.js"]
CMD ["monitor"]

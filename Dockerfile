# One image for every service: Node 24 runs the TypeScript sources directly (type stripping); the compose
# file picks the entry point per container.
FROM node:24-slim
WORKDIR /app
RUN npm install -g pnpm@10.34.8
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY packages ./packages
COPY services ./services
# cli/ is a workspace package: without it the frozen install would not match the lockfile.
COPY cli ./cli
COPY migrations ./migrations
RUN pnpm install --frozen-lockfile
USER node
# Compiled (type-stripped) modules cached on disk: a restarted container skips loading the TypeScript stripper.
ENV NODE_COMPILE_CACHE=/tmp/node-compile-cache
EXPOSE 8000

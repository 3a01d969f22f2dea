# One image for every service: Node 24 runs the TypeScript sources directly (type stripping); the compose
# file picks the entry point per container.
FROM node:24-slim
WORKDIR /app
RUN npm install -g pnpm@10.34.8
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY packages ./packages
COPY services ./services
COPY migrations ./migrations
RUN pnpm install --frozen-lockfile
USER node
EXPOSE 8000

// The API docs page: Swagger UI's own static bundle (shipped in @fastify/swagger-ui's package) served by two
// routes of ours, instead of registering @fastify/swagger-ui in every service. That plugin brings
// @fastify/static, glob, send, mime and http-errors (~350 KB of modules) and 7 routes — 14 with their HEAD twins —
// per service; in the fleet that was ~2 MB of heap for a page nobody opens at idle (DECISIONS.md, 2026-12-01
// fleet memory). Only files present in the bundle directory are served, by exact name.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { NotFound } from '@bss/policy';
import type { FastifyInstance } from 'fastify';

const STATIC_DIR = join(dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')), 'static');
const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const page = (title: string) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>${title}</title>
<link rel="stylesheet" type="text/css" href="/docs/static/swagger-ui.css" />
<link rel="stylesheet" type="text/css" href="/docs/static/index.css" />
<link rel="icon" type="image/png" href="/docs/static/favicon-32x32.png" sizes="32x32" />
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/static/swagger-ui-bundle.js" charset="UTF-8"></script>
<script src="/docs/static/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
<script>
window.onload = () => {
  window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });
};
</script>
</body>
</html>
`;

let files: Promise<Set<string>> | undefined;
/** The bundle's file names, read on the first request for one. */
const bundleFiles = () => (files ??= readdir(STATIC_DIR).then((names) => new Set(names.filter((n) => extname(n) in TYPES))));

/** Registers `GET /docs` (the Swagger UI page, reading `/openapi.json`) and `GET /docs/static/:file`. */
export function registerDocsRoutes(app: FastifyInstance, title: string): void {
  const html = page(title);
  app.get('/docs', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(html));
  app.get('/docs/static/:file', { schema: { hide: true } }, async (req, reply) => {
    const { file } = req.params as { file: string };
    // The error handler turns it into the 404 envelope (reason docs.file.not_found).
    if (!(await bundleFiles()).has(file)) throw new NotFound('docs.file', file);
    return reply
      .type(TYPES[extname(file)]!)
      .header('cache-control', 'public, max-age=3600')
      .send(await readFile(join(STATIC_DIR, file)));
  });
}

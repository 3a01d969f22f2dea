// The Fastify app factory every service builds on. It never listens: main.ts (or the fleet) does, and tests
// use app.inject(). Order matters: perimeter → request context → routes → error envelope.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ALL_SCOPES, type ApiToken, type ServiceName } from '@bss/config';
import type { Logger, Tracing } from '@bss/telemetry';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { clientErrorHandler, frameworkErrors, MAX_PARAM_LENGTH } from './client-errors.ts';
import { registerDocsRoutes } from './docs.routes.ts';
import { installErrorHandling } from './error-handler.ts';
import { installInputGuard } from './input-guard.ts';
import { installJsonBodyParser, MAX_JSON_DEPTH } from './json-body.ts';
import { prunedSchemaTransformObject } from './openapi-prune.ts';
import { installPerimeter } from './perimeter.ts';
import { installRequestContext, requestIdFrom } from './request-context.ts';
import { installStandardResponses } from './standard-responses.ts';

/** A Fastify instance with the zod type provider. */
export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, Logger, ZodTypeProvider>;

export interface AppOptions {
  /** The service: its name is the stem of the routes' default scopes (`catalog:read`, …). */
  service: ServiceName;
  version: string;
  description: string;
  logger: Logger;
  tracing: Tracing;
  apiTokens: ApiToken[];
  publicDocs?: boolean;
  /** BSS_ALLOW_ADMIN_RESET: routes requiring the `admin` scope answer 403 admin.disabled unless true. */
  allowAdmin?: boolean;
  /** Max request body in bytes (default 1 MiB). */
  bodyLimit?: number;
}

// Fastify types its factories for Ajv/fast-json-stringify schemas; ours take zod schemas, as the routes declare.
const zodCompilers = {
  compilersFactory: { buildValidator: () => validatorCompiler, buildSerializer: () => serializerCompiler },
} as unknown as FastifyServerOptions['schemaController'];

/** Creates the app with compilers, swagger, perimeter, context and error handling installed. */
export async function createApp(opts: AppOptions): Promise<App> {
  const bodyLimit = opts.bodyLimit ?? 1_048_576;
  const app = Fastify({
    loggerInstance: opts.logger,
    // One structured line per request is written by our own onResponse hook instead.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
    bodyLimit,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    clientErrorHandler,
    // zod validates and serializes every route. Named as the compilers' factories (not only set after
    // construction) so Fastify never loads its default Ajv and fast-json-stringify compilers (~500 KB of
    // modules it would load once per process and never use; DECISIONS.md, 2026-12-01 fleet memory).
    schemaController: zodCompilers,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  installPerimeter(app as unknown as FastifyInstance, opts.apiTokens, {
    service: opts.service,
    publicDocs: opts.publicDocs ?? false,
    allowAdmin: opts.allowAdmin ?? false,
  });
  installRequestContext(app as unknown as FastifyInstance, opts.tracing, opts.service);
  installErrorHandling(app as unknown as FastifyInstance, installStandardResponses(app as unknown as FastifyInstance));
  installJsonBodyParser(app as unknown as FastifyInstance);
  installInputGuard(app as unknown as FastifyInstance);

  const info = {
    title: `bss ${opts.service}`,
    version: opts.version,
    description: opts.description,
    // Request limits enforced for every operation before its schema runs (an OpenAPI extension; see DECISIONS.md).
    'x-bss-limits': { maxBodyBytes: bodyLimit, maxJsonDepth: MAX_JSON_DEPTH, maxPathParamLength: MAX_PARAM_LENGTH, maxHeaderBytes: 16_384 },
  };
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info,
      components: {
        securitySchemes: {
          apiToken: {
            type: 'apiKey',
            in: 'header',
            name: 'X-BSS-API-Token',
            // Each operation's security requirement lists the one scope it needs; a token without it gets 403.
            description: `A named identity's token. Each operation requires the one scope listed in its security requirement (403 auth.scope_missing otherwise). Scopes: ${ALL_SCOPES.join(', ')}.`,
          },
        },
      },
      security: [{ apiToken: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: prunedSchemaTransformObject,
  });
  registerDocsRoutes(app as unknown as FastifyInstance, info.title);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Graceful shutdown: once close() starts, in-flight responses tell keep-alive clients to hang up, so the
  // server can finish closing instead of waiting for idle keep-alive sockets to time out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Callback-style hooks (here and in the request log below): they run on every response, and an async hook
  // costs a promise and a microtask each time.
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  // The route pattern, never the URL: `/customer/by-email/{email}` and query strings carry personal data.
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(
      { requestId: req.id, method: req.method, route: req.routeOptions.url ?? null, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
    done();
  });
  return app;
}

// @bss/server-kit: what every service needs — app factory, perimeter, request context, error envelope,
// health/ready, clock/audit/reset admin routes, TMF list helpers and the runtime that starts it all.
export { createApp, type App, type AppOptions } from './app.ts';
export { registerAuditRoutes } from './audit.routes.ts';
export { decodeCursor, encodeCursor, listAuditEvents, type AuditPage, type AuditQuery } from './audit-query.ts';
export { registerReplayRoutes } from './replay.routes.ts';
export { createReplayService, REPUBLISH_MAX, REQUEUE_MAX, type ReplayDeps, type ReplayService } from './replay.service.ts';
export { registerClockRoutes } from './clock.routes.ts';
export { installErrorHandling, toEnvelope } from './error-handler.ts';
export { STANDARD_ERROR_STATUSES } from './standard-responses.ts';
export { registerHealthRoutes, type ReadinessProbe } from './health.routes.ts';
export { createIntervalWorker, type IntervalWorker, type IntervalWorkerOptions } from './interval-worker.ts';
export { EXEMPT_PATHS, matchToken } from './perimeter.ts';
export { defaultScope, type RouteScope } from './route-scope.ts';
export { borrowed, createPlatform, createPlatformApp, perPlatform, type Platform } from './platform.ts';
export { registerResetRoute, type ResetReport } from './reset.routes.ts';
export { SETTLE_HEAP_DELAY_MS, settleHeapSoon } from './settle-heap.ts';
export { checkCatalogued, loadModuleConfig, runMain, startService, type RunningService, type ServiceModule, type SharedPools, type Worker } from './runtime.ts';
export { hrefBuilder, JSON_TYPE, omitEmpty, sendRawJson, setListHeaders } from './tmf.ts';

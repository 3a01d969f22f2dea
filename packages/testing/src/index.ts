// @bss/testing: real-Postgres test databases, a test Platform and the strict TMF schema validator.
export { createTestDatabase, MIGRATIONS_DIR, prepareTemplate, pruneTestDatabases, templateName, testServerUrl, type TestDatabase } from './test-db.ts';
export {
  authHeaders,
  portalHeaders,
  scopeIdentity,
  scopeToken,
  tenantBHeaders,
  TEST_PORTAL_TOKEN,
  TEST_SYSTEM_TOKEN,
  TEST_TENANT_B_TOKEN,
  TEST_TOKEN,
  testEnv,
  testPlatform,
  type TestPlatform,
} from './platform.ts';
export { routeMatrix, type MatrixRoute } from './route-matrix.ts';
export { diffAgainstSpec, type SpecDiffOptions } from './tmf-spec-diff.ts';
export { loadTmfValidator, TMF_DIR, type TmfValidator } from './tmf-validator.ts';
export { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

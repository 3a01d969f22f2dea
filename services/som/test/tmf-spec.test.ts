// SOM's OpenAPI against the official TMF641/TMF638 swagger: every read operation with its query parameters and
// response codes; the writes are deliberately absent (405; DECISIONS.md "SOM: read-only TMF641/TMF638").
import { createTestDatabase, diffAgainstSpec, testPlatform, type TestDatabase } from '@bss/testing';
import type { App } from '@bss/server-kit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createDeps } from '../src/deps.ts';

let db: TestDatabase;
let app: App;
beforeAll(async () => {
  db = await createTestDatabase();
  app = await buildApp(createDeps(testPlatform('som', db, { outboxSchema: 'service_inventory' })));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const missingWrites = (resource: string, base: string) => [
  `POST ${base}/${resource}: operation missing`,
  `PATCH ${base}/${resource}/{id}: operation missing`,
  `DELETE ${base}/${resource}/{id}: operation missing`,
];

it('covers every TMF641 serviceOrder read, and no write', () => {
  const problems = diffAgainstSpec(app.swagger(), 'TMF641-ServiceOrdering-v4.swagger.json', { resources: ['serviceOrder'] });
  expect(problems.sort()).toEqual(missingWrites('serviceOrder', '/tmf-api/serviceOrdering/v4').sort());
});

it('covers every TMF638 service read, and no write', () => {
  const problems = diffAgainstSpec(app.swagger(), 'TMF638-ServiceInventory-v4.swagger.json', { resources: ['service'] });
  expect(problems.sort()).toEqual(missingWrites('service', '/tmf-api/serviceInventory/v4').sort());
});

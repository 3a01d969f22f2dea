// createProvisioningClient against a really listening provisioning app: every call and the typed errors.
import { createProvisioningClient, NotFoundError, PolicyViolationError, ValidationError, type ProvisioningClient } from '@bss/clients';
import { deliverShuffled } from '@bss/events';
import { createTestDatabase, TEST_TOKEN, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_CREATED_QUEUE } from '../src/consumers/task-created.consumer.ts';
import { allTasksOf, buildTestApp, serviceOrder, type TestApp } from './helpers.ts';

let db: TestDatabase;
let t: TestApp;
let client: ProvisioningClient;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db);
  const url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  client = createProvisioningClient({ baseUrl: url, token: TEST_TOKEN, actor: 'client-test', channel: 'cli' });
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

describe('provisioning client', () => {
  it('manages fault rules and drives a task through fallout', async () => {
    const rule = await client.createFaultRule({ taskType: 'HLR_PROVISION', mode: 'fail_always', permanent: false });
    expect((await client.listFaultRules()).items.map((r) => r.id)).toContain(rule.id);
    expect(await client.getFaultRule(rule.id)).toEqual(rule);

    const so = serviceOrder();
    await deliverShuffled({ database: db, inboxSchema: 'provisioning', consumer: TASK_CREATED_QUEUE, handler: t.consumer.handler, events: allTasksOf(so), seed: 5 });
    await t.runner.runPending();
    const page = await client.listTasks({ serviceOrderId: so.serviceOrderId, state: 'failed' });
    expect(page.total).toBe(1);
    const failed = page.items[0]!;
    expect(failed).toMatchObject({ taskType: 'HLR_PROVISION', permanent: false });

    expect((await client.updateFaultRule(rule.id, { enabled: false })).enabled).toBe(false);
    expect((await client.retryTask(failed.id)).state).toBe('pending');
    await t.runner.runPending();
    expect((await client.getTask(failed.id)).state).toBe('completed');
    expect((await client.getTmf640Service(failed.id)).state).toBe('active');
    expect((await client.getTmf640Monitor(failed.id)).state).toBe('Completed');

    await client.deleteFaultRule(rule.id);
    await expect(client.getFaultRule(rule.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('turns refusals into typed errors', async () => {
    const so = serviceOrder();
    await deliverShuffled({ database: db, inboxSchema: 'provisioning', consumer: TASK_CREATED_QUEUE, handler: t.consumer.handler, events: allTasksOf(so), seed: 6 });
    const [task] = (await client.listTasks({ serviceOrderId: so.serviceOrderId, limit: 1 })).items;
    await expect(client.resolveTask(task!.id, 'x')).rejects.toMatchObject({ reason: 'provisioning_task.resolve.requires_stuck_state' });
    await expect(client.abandonTask(task!.id, '')).rejects.toBeInstanceOf(PolicyViolationError);
    await expect(client.getTask('PTK-missing')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.createFaultRule({ mode: 'slow', probability: '2' })).rejects.toBeInstanceOf(ValidationError);
  });
});

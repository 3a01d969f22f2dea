// Run as its own process by crash-reconcile.test.ts: one charge against the test database whose gateway call
// stops the process in its tracks, either right after the gateway recorded the charge (before the verdict
// commit) or right before the gateway is reached. It prints where it stopped and hangs until SIGKILLed.
//   node test/crash/charge-then-hang.ts <dbUrl> <ledgerFile> <after-gateway|before-gateway> <charge JSON>
import { createDatabase } from '@bss/db';
import { testPlatform } from '@bss/testing';
import { createMockProvider } from '../../src/adapters/mock.provider.ts';
import { extraEnv } from '../../src/config.ts';
import { createDeps } from '../../src/deps.ts';
import { createPaymentService, type ChargeInput } from '../../src/services/payment.service.ts';
import { fakeCustomers, fakeSubscriptions, NOW } from '../helpers.ts';
import { fileLedger } from '../support/file-ledger.ts';

const [dbUrl, ledgerPath, stopAt, chargeJson] = process.argv.slice(2) as [string, string, 'after-gateway' | 'before-gateway', string];
const database = createDatabase(dbUrl, { max: 2 });
const platform = testPlatform('payment', database, { now: NOW, extraEnv });
const mock = createMockProvider({ ledger: fileLedger(ledgerPath) });

const hang = (where: string): Promise<never> => {
  process.stdout.write(`${where}\n`);
  setInterval(() => {}, 60_000);
  return new Promise<never>(() => {});
};

const provider = {
  ...mock,
  gateway: {
    ...mock.gateway,
    async charge(request: Parameters<typeof mock.gateway.charge>[0]) {
      if (stopAt === 'before-gateway') return hang(`stopped-before-gateway ${request.idempotencyKey}`);
      await mock.gateway.charge(request);
      return hang(`charged ${request.idempotencyKey}`);
    },
  },
};
const deps = createDeps(platform, { provider, customers: fakeCustomers(), subscriptions: fakeSubscriptions() });
await createPaymentService(deps).charge(JSON.parse(chargeJson) as ChargeInput);

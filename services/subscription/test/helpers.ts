// A subscription app on a real test database for tests that need no downstream services (hostile input,
// reads): every downstream URL points at a closed port, so a call that gets that far is a 503.
import type { App } from '@bss/server-kit';
import { testPlatform, type TestDatabase, type TestPlatform } from '@bss/testing';
import { buildApp } from '../src/app.ts';
import { createDeps } from '../src/deps.ts';

export const NOW = '2026-06-01T00:00:00Z';
const NOWHERE = 'http://127.0.0.1:1';

export interface TestApp {
  app: App;
  platform: TestPlatform;
}

export async function buildTestApp(db: TestDatabase): Promise<TestApp> {
  const platform = testPlatform('subscription', db, {
    now: NOW,
    env: { BSS_CRM_URL: NOWHERE, BSS_CATALOG_URL: NOWHERE, BSS_PAYMENT_URL: NOWHERE },
  });
  const app = await buildApp(createDeps(platform));
  await app.ready();
  return { app, platform };
}

/** Inserts an active subscription with one balance straight into the table (a fixture for reads). */
export async function insertFixture(db: TestDatabase, id: string, customerId: string, msisdn: string): Promise<void> {
  await db.pool.query(
    `INSERT INTO subscription.subscription (id, customer_id, offering_id, commercial_order_id, msisdn, iccid, state, state_reason,
       activated_at, current_period_start, current_period_end, next_renewal_at, price_amount, price_currency, price_offering_price_id,
       payment_method_id, created_at, updated_at)
     VALUES ($1, $2, 'PLAN_M', $1 || '-ORD', $3, '8910101000000009999', 'active', 'activation_payment_approved',
       $4, $4, $4::timestamptz + interval '1 month', $4::timestamptz + interval '1 month', 25.00, 'SGD', 'PRICE_PLAN_M', 'PM-0001', $4, $4)`,
    [id, customerId, msisdn, NOW],
  );
  await db.pool.query(
    `INSERT INTO subscription.bundle_balance (subscription_id, allowance_type, total, consumed, unit, period_start, period_end, created_at, updated_at)
     VALUES ($1, 'data', 1024, 24, 'mb', $2, $2::timestamptz + interval '1 month', $2, $2)`,
    [id, NOW],
  );
}

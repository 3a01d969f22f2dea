// The one operation registry: every capability, declared once in ops/*.ts. A second declaration of a name throws
// at import, so the CLI, the scenario runner and (later) the agent can never disagree about what exists.
import { FLEET } from './fleet.ts';
import type { AnyOperation } from './operation.ts';
import { auditOps } from './ops/audit.ops.ts';
import { caseOps } from './ops/case.ops.ts';
import { catalogAdminOps } from './ops/catalog-admin.ops.ts';
import { catalogOps } from './ops/catalog.ops.ts';
import { clockOps } from './ops/clock.ops.ts';
import { customerOps } from './ops/customer.ops.ts';
import { interactionOps } from './ops/interaction.ops.ts';
import { inventoryOps } from './ops/inventory.ops.ts';
import { kycOps } from './ops/kyc.ops.ts';
import { orderOps } from './ops/order.ops.ts';
import { paymentOps } from './ops/payment.ops.ts';
import { portRequestOps } from './ops/port-request.ops.ts';
import { provisioningOps } from './ops/provisioning.ops.ts';
import { somOps } from './ops/som.ops.ts';
import { subscriptionLifecycleOps } from './ops/subscription-lifecycle.ops.ts';
import { subscriptionOps } from './ops/subscription.ops.ts';
import { billingOps } from './ops/billing.ops.ts';
import { ticketOps } from './ops/ticket.ops.ts';
import { usageOps } from './ops/usage.ops.ts';

/** Builds a registry from declarations; throws on a duplicate name or CLI command path. */
export function buildRegistry(ops: readonly AnyOperation[]): ReadonlyMap<string, AnyOperation> {
  const byName = new Map<string, AnyOperation>();
  const commands = new Set<string>();
  for (const op of ops) {
    if (!/^[a-z_]+(\.[a-z_]+)+$/.test(op.name)) throw new Error(`operation name ${op.name} must be dotted lower_snake segments`);
    if (byName.has(op.name)) throw new Error(`operation ${op.name} is declared twice`);
    const path = op.cli.command.join(' ');
    if (commands.has(path)) throw new Error(`CLI command "bss ${path}" is bound twice (${op.name})`);
    byName.set(op.name, op);
    commands.add(path);
  }
  return byName;
}

/** Every operation, by dotted name. */
export const OPERATIONS: ReadonlyMap<string, AnyOperation> = buildRegistry([
  ...customerOps,
  ...kycOps,
  ...interactionOps,
  ...caseOps,
  ...ticketOps,
  ...catalogOps,
  ...catalogAdminOps,
  ...paymentOps,
  ...inventoryOps,
  ...portRequestOps,
  ...orderOps,
  ...somOps,
  ...provisioningOps,
  ...subscriptionOps,
  ...subscriptionLifecycleOps,
  ...billingOps,
  ...usageOps,
  ...clockOps,
  ...auditOps,
]);

/** The operation named `name`, or undefined. */
export const findOperation = (name: string): AnyOperation | undefined => OPERATIONS.get(name);

/** The services an operation may call, with `fleet` expanded. */
export const servicesOf = (op: AnyOperation): readonly string[] => (op.services === 'fleet' ? FLEET.map((m) => m.name) : op.services);

// The semantic input vocabulary (reference §A.2): every id and value an operation takes, bounded and described once,
// so a person reading `--help` and a model reading the tool schema get the same hint (prefix, where to find it,
// never to invent one).
import { z } from 'zod';

const id = (prefix: string, where: string) =>
  z.string().min(1).max(64).describe(`${prefix}… id (opaque suffix) — take it from ${where}; never invent one`);

export const CustomerId = id('CUST-', 'customer.list / customer.create');
export const CaseId = id('CASE-', 'case.list / case.open');
export const TicketId = id('TKT-', 'ticket.list / ticket.open');
export const AgentId = id('AGT-', 'agents.list');
export const PaymentMethodId = id('PM-', 'payment.list_methods');
export const PaymentAttemptId = id('PAY-', 'payment.list_attempts');
export const PortRequestId = id('PORT-', 'port_request.list / port_request.create');
export const ContactMediumId = id('CM-', 'customer.list_contact_media');
export const OfferingId = z.string().min(1).max(64).describe('Product offering id, e.g. PLAN_S / PLAN_M / PLAN_L — take it from catalog.list_offerings');
export const VasOfferingId = z.string().min(1).max(64).describe('VAS offering id, e.g. VAS_DATA_1GB — take it from catalog.list_vas');
export const Msisdn = z.string().regex(/^[0-9]{6,15}$/, '6–15 digits').describe('Phone number, digits only, no country code (e.g. 90000005)');
export const Iccid = z.string().regex(/^[0-9]{18,22}$/, '18–22 digits').describe('eSIM ICCID, digits only');
export const Email = z.email().max(320).describe('Email address');
export const Phone = z.string().max(24).regex(/^\+?[0-9 ()-]{4,24}$/).describe('Phone in E.164, e.g. +6591234567');
export const IsoInstant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant with offset, e.g. 2026-04-11T09:00:00Z — use clock.now for "now"');
export const IsoDay = z.iso.date().describe('Calendar date YYYY-MM-DD');
export const Duration = z.string().regex(/^\d+[smhd]$/, 'like 45s, 15m, 2h or 30d').describe('Duration: <N>s|m|h|d, e.g. 30d');
export const Limit = (def: number) => z.coerce.number().int().min(1).max(1000).default(def).describe(`How many to return (default ${def})`);
export const Text = (max: number, what: string) => z.string().min(1).max(max).describe(what);
export const OrderId = id('ORD-', 'order.list / order.create');
export const SubscriptionId = id('SUB-', 'subscription.list_for_customer / order.get');
export const ServiceOrderId = id('SO-', 'service_order.list_for_order / order.get');
export const ServiceId = id('SVC-', 'service.list_for_subscription / order.get');
export const TaskId = id('PTK-', 'provisioning.list_tasks / order.get');
export const FaultRuleId = id('FLT-', 'provisioning.fault.list');

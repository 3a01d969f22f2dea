// Fault-injection rules: how the simulated network misbehaves, per task type or for every type.
import { z } from 'zod';
import { TaskType } from './task.ts';

export const FAULT_MODES = ['fail_first_attempt', 'fail_always', 'stuck', 'slow'] as const;
export const FaultMode = z.enum(FAULT_MODES);
export type FaultMode = z.infer<typeof FaultMode>;

/** A probability as a decimal string in [0, 1] with at most 6 decimals, e.g. "1", "0.25". */
export const Probability = z
  .string()
  .max(8)
  .regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/, 'a decimal string between 0 and 1 with at most 6 decimals, e.g. "0.25"')
  .describe('Chance the rule fires on an attempt, decimal string 0..1');

export const FaultRule = z
  .object({
    id: z.string().describe('FLT-…'),
    href: z.string(),
    taskType: TaskType.nullable().describe('null: every task type'),
    mode: FaultMode,
    probability: z.string(),
    permanent: z.boolean().describe('fail_always only: the exhausted task fails the order (true) or waits for an operator (false)'),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    '@type': z.literal('FaultInjection'),
  });
export type FaultRule = z.infer<typeof FaultRule>;

export const FaultRuleCreate = z
  .strictObject({
    taskType: TaskType.nullable().optional().describe('Omitted or null: every task type'),
    mode: FaultMode,
    probability: Probability.optional().describe('Default "1"'),
    permanent: z.boolean().optional().describe('fail_always only; default true'),
    enabled: z.boolean().optional().describe('Default true'),
  });
export type FaultRuleCreate = z.infer<typeof FaultRuleCreate>;

export const FaultRulePatch = z
  .strictObject({
    taskType: TaskType.nullable().optional(),
    mode: FaultMode.optional(),
    probability: Probability.optional(),
    permanent: z.boolean().optional(),
    enabled: z.boolean().optional(),
  });
export type FaultRulePatch = z.infer<typeof FaultRulePatch>;

export const FaultRuleIdParams = z.object({
  faultId: z.string().max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, '1–64 characters of [A-Za-z0-9_.:-]').describe('e.g. FLT-…'),
});

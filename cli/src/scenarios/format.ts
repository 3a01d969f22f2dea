// The scenario file format (reference §F.1–F.2), strict at every level: an unknown key anywhere is an error naming
// its path. A step's kind is the one of `action` / `assert` / `http` / `ask` it carries; every step has a `name`.
import { z } from 'zod';

const Vars = z.record(z.string(), z.unknown());
/** jsonpath captures: variable name → `$.path` into the step result. */
const Capture = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'variable names are identifiers'), z.string().startsWith('$'));
const Poll = z.strictObject({ interval_ms: z.number().int().min(10).default(200), timeout_seconds: z.number().positive().max(600).default(5) });
/** Expectations: dot path → value, or an operator map ({ eq, ne, gt, gte, lt, lte, in, not_in, starts_with, contains, not_null }). */
const Expect = z.record(z.string(), z.unknown());

export const ActionStep = z.strictObject({
  name: z.string().min(1),
  action: z.string().min(1).describe('A registry operation name, e.g. customer.create'),
  args: Vars.default({}),
  capture: Capture.default({}),
  /** The step passes only if the action is refused with this envelope code and/or rule id (e.g. a policy check). */
  expect_error: z.strictObject({ code: z.string().optional(), reason: z.string().optional() }).optional(),
});
export const AssertStep = z.strictObject({
  name: z.string().min(1),
  assert: z.strictObject({ action: z.string().min(1), args: Vars.default({}), expect: Expect, poll: Poll.optional() }),
});
export const HttpStep = z.strictObject({
  name: z.string().min(1),
  http: z.string().regex(/^(GET|POST|PATCH|PUT|DELETE) .+$/, '"<METHOD> <url>"'),
  headers: z.record(z.string(), z.string()).default({}),
  json: z.unknown().optional(),
  /** Send the operator token (X-BSS-API-Token); false to probe the perimeter. */
  auth: z.boolean().default(true),
  expect: z
    .strictObject({
      status: z.union([z.number().int(), z.array(z.number().int())]).optional(),
      body_contains: z.array(z.string()).default([]),
      body_not_contains: z.array(z.string()).default([]),
      body: Expect.optional(),
    })
    .default({ body_contains: [], body_not_contains: [] }),
  poll: Poll.optional(),
  timeout_seconds: z.number().positive().max(120).default(30),
  capture: Capture.default({}),
});
export const AskStep = z.strictObject({
  name: z.string().min(1),
  ask: z.string().min(1),
  timeout_seconds: z.number().positive().default(60),
  expect_tools_called_include: z.array(z.string()).default([]),
  expect_tools_not_called: z.array(z.string()).default([]),
  capture: Capture.default({}),
});

export type ActionStep = z.infer<typeof ActionStep>;
export type AssertStep = z.infer<typeof AssertStep>;
export type HttpStep = z.infer<typeof HttpStep>;
export type AskStep = z.infer<typeof AskStep>;
export type Step = ({ kind: 'action' } & ActionStep) | ({ kind: 'assert' } & AssertStep) | ({ kind: 'http' } & HttpStep) | ({ kind: 'ask' } & AskStep);

const KINDS = { action: ActionStep, assert: AssertStep, http: HttpStep, ask: AskStep } as const;

const StepInput = z.record(z.string(), z.unknown()).transform((raw, ctx): Step => {
  const kinds = (Object.keys(KINDS) as (keyof typeof KINDS)[]).filter((k) => k in raw);
  if (kinds.length !== 1) {
    ctx.addIssue({ code: 'custom', message: `a step has exactly one of action, assert, http, ask (found ${kinds.length ? kinds.join(', ') : 'none'})` });
    return z.NEVER;
  }
  const kind = kinds[0]!;
  const parsed = KINDS[kind].safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: issue.path, message: issue.message } as never);
    return z.NEVER;
  }
  return { kind, ...parsed.data } as Step;
});

export const Scenario = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9_]+$/, 'lower_snake_case'),
    description: z.string().optional(),
    tags: z.array(z.string().regex(/^[a-z0-9_]+$/)).default([]),
    setup: z
      .strictObject({
        reset_operational_data: z.boolean().default(false),
        freeze_clock_at: z.string().optional(),
        variables: Vars.default({}),
      })
      .default({ reset_operational_data: false, variables: {} }),
    variables: Vars.default({}),
    steps: z.array(StepInput).min(1),
    teardown: z.strictObject({ unfreeze_clock: z.boolean().default(false) }).default({ unfreeze_clock: false }),
  })
  .superRefine((s, ctx) => {
    // An ask step needs an LLM: such a scenario says so with the `llm` tag and stays out of the default set.
    if (s.steps.some((st) => st.kind === 'ask') && !s.tags.includes('llm')) ctx.addIssue({ code: 'custom', path: ['tags'], message: 'a scenario with an ask: step must carry the tag llm' });
  });
export type Scenario = z.infer<typeof Scenario>;

/** Zod issues as `path: message` lines. */
export const formatIssues = (err: z.ZodError) => err.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);

// @bss/operations: the one operation registry (CLI commands, scenario actions and agent tools are generated from
// it), the typed clients operations run against, and the pure ASCII cards that render their results.
export { createOperationClients, MissingSettingError, type ClientSettings, type OperationClients } from './clients.ts';
export { ADDED_DESTRUCTIVE, REFERENCE_DESTRUCTIVE } from './destructive.ts';
export { renderOperationsDoc } from './doc.ts';
export { FLEET, type FleetMember } from './fleet.ts';
export { inputFields, inputJsonSchema, type InputField } from './input-fields.ts';
export { defineOperation, type AnyOperation, type CliBinding, type Operation, type OperationKind, type RenderOptions } from './operation.ts';
export { REFERENCE_TOOLS, type ReferenceStatus } from './reference-tools.ts';
export { buildRegistry, findOperation, OPERATIONS, servicesOf } from './registry.ts';
export * from './cards/index.ts';
export { toolDefinitions, type ToolDefinition } from './tools.ts';

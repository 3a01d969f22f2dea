// The registry as LLM tool definitions, for the agent to come: name, description and the JSON Schema of the input
// (every hint and enum carried over from the zod schema), minus the operations hidden from the model (§A.4).
import { inputJsonSchema } from './input-fields.ts';
import { OPERATIONS } from './registry.ts';

export interface ToolDefinition {
  name: string;
  description: string;
  destructive: boolean;
  parameters: Record<string, unknown>;
}

/** Every operation the agent may be handed. */
export function toolDefinitions(): ToolDefinition[] {
  return [...OPERATIONS.values()]
    .filter((op) => !op.llmHidden)
    .map((op) => {
      const { $schema: _drop, ...parameters } = inputJsonSchema(op) as Record<string, unknown>;
      return { name: op.name, description: `${op.summary}. ${op.description}`, destructive: op.destructive, parameters };
    });
}

// The event plane's contracts: the event catalogue, the consumer-queue catalogue (topology), topic matching.
export { CONSUMER_QUEUES, consumerQueue, type ConsumerQueue } from './topology.ts';
export { topicMatches } from './topic.ts';
export { EVENT_CATALOG, eventSpec, payloadJsonSchema, type EventPayload, type EventSpec, type EventType } from './catalog.ts';
export { PROVISIONING_TASK_TYPES, ProvisioningTaskType } from './som.events.ts';

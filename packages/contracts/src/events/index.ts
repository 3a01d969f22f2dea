// The event plane's contracts: consumer-queue catalogue (topology) and topic matching.
export { CONSUMER_QUEUES, consumerQueue, type ConsumerQueue } from './topology.ts';
export { topicMatches } from './topic.ts';

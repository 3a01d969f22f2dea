// Unit tests of AMQP topic matching as the in-memory bus implements it (`*` one word, `#` zero or more).
import { describe, expect, it } from 'vitest';
import { topicMatches } from './memory-bus.ts';

describe('topicMatches', () => {
  it('matches an exact key and nothing else', () => {
    expect(topicMatches('order.completed', 'order.completed')).toBe(true);
    expect(topicMatches('order.completed', 'order.failed')).toBe(false);
    expect(topicMatches('order.completed', 'order.completed.late')).toBe(false);
    expect(topicMatches('order', 'order.completed')).toBe(false);
  });

  it('lets * stand for exactly one word', () => {
    expect(topicMatches('order.*', 'order.completed')).toBe(true);
    expect(topicMatches('*.completed', 'service_order.completed')).toBe(true);
    expect(topicMatches('order.*', 'order')).toBe(false);
    expect(topicMatches('order.*', 'order.task.completed')).toBe(false);
    expect(topicMatches('provisioning.*.completed', 'provisioning.task.completed')).toBe(true);
  });

  it('lets # stand for zero or more words', () => {
    expect(topicMatches('#', 'anything.at.all')).toBe(true);
    expect(topicMatches('#', 'single')).toBe(true);
    expect(topicMatches('order.#', 'order')).toBe(true);
    expect(topicMatches('order.#', 'order.completed')).toBe(true);
    expect(topicMatches('order.#', 'order.task.completed')).toBe(true);
    expect(topicMatches('order.#', 'service_order.completed')).toBe(false);
    expect(topicMatches('#.completed', 'provisioning.task.completed')).toBe(true);
    expect(topicMatches('#.completed', 'completed')).toBe(true);
    expect(topicMatches('a.#.z', 'a.z')).toBe(true);
    expect(topicMatches('a.#.z', 'a.b.c.z')).toBe(true);
    expect(topicMatches('a.#.z', 'a.b.c')).toBe(false);
  });

  it('combines * and #', () => {
    expect(topicMatches('*.#', 'order')).toBe(true);
    expect(topicMatches('*.*.#', 'order')).toBe(false);
    expect(topicMatches('#.*.completed', 'task.completed')).toBe(true);
  });
});

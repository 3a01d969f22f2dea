// AMQP topic matching, shared by the in-memory bus and the events doc generator (which event reaches which queue).

/** AMQP topic matching: `*` is exactly one word, `#` zero or more words. */
export function topicMatches(binding: string, routingKey: string): boolean {
  const b = binding.split('.');
  const k = routingKey.split('.');
  const match = (i: number, j: number): boolean => {
    if (i === b.length) return j === k.length;
    if (b[i] === '#') return match(i + 1, j) || (j < k.length && match(i, j + 1));
    if (j === k.length) return false;
    return (b[i] === '*' || b[i] === k[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}

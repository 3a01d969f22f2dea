// How an idempotent write answers, the same way payment's charge does: a replay carries
// `idempotent-replayed: true`, and a creating write (201) answers a replay with 200.
import type { FastifyReply } from 'fastify';
import type { Written } from '../services/idempotent-write.ts';

export function sendWritten<T>(reply: FastifyReply, written: Written<T>, status: 200 | 201 = 200) {
  if (written.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(written.replayed ? 200 : status).send(written.result);
}

// Errors raised before a route (and so before the error handler) exists, answered with the project envelope
// instead of Fastify's or Node's own shapes:
// - `frameworkErrors`: the router could not decode the URL (bad percent-encoding, a lone surrogate) or a path
//   parameter exceeds `maxParamLength`. These run before the perimeter; the answer reveals nothing either way.
// - `clientErrorHandler`: Node's HTTP parser refused the request (headers over `maxHeaderSize`, a malformed
//   request line, a timeout). No request object exists, so the response is written to the socket by hand.
// Neither message echoes the URL or headers: they may carry an email or a token.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { envelope } from '@bss/policy';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Longest path parameter the router accepts (Fastify's default is 100; a percent-encoded 320-character email must fit). */
export const MAX_PARAM_LENGTH = 500;

/** The `frameworkErrors` option of the Fastify factory. */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const answer =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? envelope(414, 'BAD_REQUEST', 'request.param_too_long', `a path parameter is longer than ${MAX_PARAM_LENGTH} characters`, {
          maxLength: MAX_PARAM_LENGTH,
        })
      : error.code === 'FST_ERR_BAD_URL'
        ? envelope(400, 'VALIDATION_FAILED', 'request.bad_url', 'the request path is not valid percent-encoded UTF-8', {})
        : envelope(400, 'BAD_REQUEST', 'request.invalid', 'the request could not be routed', {});
  void reply.code(Number(answer.status)).header('x-request-id', req.id).type('application/json').send(answer);
}

function clientErrorAnswer(code: string | undefined): { status: number; text: string; body: ReturnType<typeof envelope> } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      text: 'Request Header Fields Too Large',
      body: envelope(431, 'BAD_REQUEST', 'request.headers_too_large', 'request headers exceed 16 KB', { maxBytes: 16_384 }),
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, text: 'Request Timeout', body: envelope(408, 'BAD_REQUEST', 'request.timeout', 'the request was not received in time', {}) };
  }
  return { status: 400, text: 'Bad Request', body: envelope(400, 'BAD_REQUEST', 'request.malformed_http', 'the request is not valid HTTP/1.1', {}) };
}

/** The `clientErrorHandler` option of the Fastify factory (`this` is the Fastify instance). */
export function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, text, body } = clientErrorAnswer(err.code);
  this.log.debug({ code: err.code, status }, 'client error');
  if (socket.writable) {
    const payload = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n` +
        `X-Request-Id: ${randomUUID()}\r\nConnection: close\r\n\r\n${payload}`,
    );
  }
  socket.destroy(err);
}

// One socket write per turn of amqplib's frame mux instead of one per frame. amqplib's Mux drains every channel's
// queued frames in a synchronous loop, writing each message (a publish is one buffer, an ack another) to the socket
// separately; with Nagle off (noDelay, see amqp-connection.ts) each of those is its own send(2), and each send wakes
// the broker. A relay publishing a batch of 50 events and a consumer acking 50 deliveries made ~100 syscalls where
// one writev carries the same bytes. Corking the socket around the loop and uncorking at its end hands Node the
// whole turn's frames at once: the same bytes, in the same order, with no added delay (the uncork is synchronous).
// This reaches into amqplib's Connection (`connection.muxer`, `connection.stream`), which it does not export as API;
// `coalesceAmqpWrites` returns false when the shape is not there (an upgrade changed it) and a test pins it.
import type { ChannelModel } from 'amqplib';

interface MuxLike {
  _readIncoming(): void;
}
interface SocketLike {
  cork(): void;
  uncork(): void;
}

/** Patches this connection's frame mux to write each turn's frames with one syscall; false if it cannot. */
export function coalesceAmqpWrites(model: ChannelModel): boolean {
  const connection = (model as unknown as { connection?: { muxer?: MuxLike; stream?: SocketLike } }).connection;
  const mux = connection?.muxer;
  const socket = connection?.stream;
  if (!mux || typeof mux._readIncoming !== 'function' || typeof socket?.cork !== 'function' || typeof socket.uncork !== 'function') return false;
  const drain = mux._readIncoming.bind(mux);
  mux._readIncoming = () => {
    socket.cork();
    try {
      drain();
    } finally {
      socket.uncork();
    }
  };
  return true;
}

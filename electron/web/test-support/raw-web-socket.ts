// Test support (Node): a WebSocket client that writes raw frames, so tests can send what a well-behaved client never would.

import { randomBytes } from 'node:crypto';
import { type Socket, connect } from 'node:net';

export interface RawFrame {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  /** Reserved bits 1–3 as a 3-bit number (4 = RSV1). */
  rsv?: number;
  /** Clients must mask; false writes a frame a server has to refuse. */
  masked?: boolean;
  /** Claims a payload length other than the bytes sent (to announce an oversized frame without sending it). */
  declaredLength?: number;
}

export function encodeFrame(frame: RawFrame): Buffer {
  const payload = frame.payload ?? Buffer.alloc(0);
  const length = frame.declaredLength ?? payload.length;
  const masked = frame.masked ?? true;
  const head = [((frame.fin ?? true) ? 0x80 : 0) | ((frame.rsv ?? 0) << 4) | frame.opcode];
  const maskBit = masked ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) {
    head.push(maskBit | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(length);
  } else {
    head.push(maskBit | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(BigInt(length));
  }
  if (!masked) return Buffer.concat([Buffer.from(head), extended, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from(head), extended, mask, body]);
}

export interface RawConnection {
  socket: Socket;
  /** Resolves with the close code of the first close frame the server sends, or null if the socket ends without one. */
  closeCode: Promise<number | null>;
  send(frame: RawFrame): void;
}

/** Performs the opening handshake by hand, then hands back the bare TCP socket. */
export function openRawWebSocket(options: {
  port: number;
  path: string;
  protocols: string[];
  origin: string;
}): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(options.port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    let settleClose: (code: number | null) => void = () => {};
    const closeCode = new Promise<number | null>((done) => (settleClose = done));

    socket.on('error', (error) => (upgraded ? settleClose(null) : reject(error)));
    socket.on('close', () => settleClose(null));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString();
        if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(head.split('\r\n')[0]));
        upgraded = true;
        buffer = buffer.subarray(end + 4);
        resolve({ socket, closeCode, send: (frame) => socket.write(encodeFrame(frame)) });
      }
      // A close frame from the server: unmasked, opcode 8, a short payload whose first two bytes are the code.
      if (upgraded && buffer.length >= 4 && (buffer[0]! & 0x0f) === 0x8) settleClose(buffer.readUInt16BE(2));
    });
    socket.write(
      [
        `GET ${options.path} HTTP/1.1`,
        `Host: 127.0.0.1:${options.port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        `Sec-WebSocket-Protocol: ${options.protocols.join(', ')}`,
        `Origin: ${options.origin}`,
        '',
        '',
      ].join('\r\n'),
    );
  });
}

import { connect, Socket } from 'node:net';

export interface RawResponse {
  status: number;
  body: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * One keep-alive HTTP/1.1 connection that sends a request and reads its answer,
 * one at a time, with no more work per request than the protocol needs: the load
 * generator shares the machine with the server and MariaDB, and node:http's client
 * (or undici's) spent ~0.4 ms of CPU a request there. Answers must carry
 * Content-Length (the server's JSON answers do); anything else is an error.
 */
export class RawHttpClient {
  private readonly socket: Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private pending?: { resolve(r: RawResponse): void; reject(e: Error): void };

  private constructor(
    socket: Socket,
    private readonly host: string,
  ) {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawHttpClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => resolve(new RawHttpClient(socket, `${host}:${port}`)));
      socket.once('error', reject);
    });
  }

  post(path: string, headers: Record<string, string>, body: string): Promise<RawResponse> {
    if (this.pending) return Promise.reject(new Error('one request at a time per connection'));
    const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    this.socket.write(`POST ${path} HTTP/1.1\r\nHost: ${this.host}\r\n${lines}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.destroy();
  }

  private received(chunk: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const end = this.buffered.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buffered.toString('latin1', 0, end);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) return this.fail(new Error(`answer without Content-Length: ${head.split('\r\n')[0]}`));
    const total = end + HEADER_END.length + Number(length[1]);
    if (this.buffered.length < total) return;
    const body = this.buffered.toString('utf8', end + HEADER_END.length, total);
    this.buffered = this.buffered.subarray(total);
    const pending = this.pending;
    this.pending = undefined;
    pending?.resolve({ status: Number(head.slice(9, 12)), body });
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }
}

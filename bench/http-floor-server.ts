/**
 * The HTTP floor: the in-process floor's row writes (floor.ts) behind a bare node:http
 * server, no framework, no token, no validation, no state machine. The load generator
 * drives it exactly as it drives Satisflow (instances are the floor's rows, numbered),
 * so Satisflow's HTTP figure can be read against what this machine allows over HTTP.
 * Input: one JSON argument { url, port, concurrency }; prints "listening" when ready.
 */
import { createServer } from 'node:http';
import { floorMysql } from './floor';

async function main(): Promise<void> {
  const { url, port, concurrency } = JSON.parse(process.argv[2]) as { url: string; port: number; concurrency: number };
  const floor = await floorMysql(url, concurrency);
  const revisions = Array.from({ length: concurrency }, () => 1);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
      };
      // where the rows stand, for a second run of the load generator
      if (req.url === '/api/v1/revisions') return answer(200, revisions);
      const w = Number(/\/instances\/(\d+)\/events$/.exec(req.url ?? '')?.[1]);
      const { expectedRevision } = JSON.parse(Buffer.concat(chunks).toString()) as { expectedRevision: number };
      if (!(w >= 0 && w < concurrency) || expectedRevision !== revisions[w]) return answer(409, { message: 'no such row or revision' });
      floor.op(w, 0).then(
        () => answer(200, { revision: ++revisions[w] }),
        (error: Error) => answer(500, { message: error.message }),
      );
    });
  });
  server.listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => void floor.close().then(() => process.exit(0)));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`http floor failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

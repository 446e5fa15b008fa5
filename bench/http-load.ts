/**
 * The HTTP load generator, run as its own process so it does not share the
 * server's event loop: `concurrency` clients each drive one instance through the
 * plan's SUBMIT/REJECT loop with POST /instances/:id/events over keep-alive
 * connections. Input: one JSON argument; output: one Measurement as JSON on stdout.
 */
import { Agent, request } from 'node:http';
import { Meter } from './measure';

export interface HttpLoadInput {
  baseUrl: string;
  durationMs: number;
  /** Bearer tokens of the survey manager (SUBMIT) and the approver (REJECT). */
  submitter: string;
  rejecter: string;
  instances: { id: string; revision: number }[];
  plan: Record<string, unknown>;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(url: string, token: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      url,
      { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2]) as HttpLoadInput;
  const revisions = input.instances.map((i) => i.revision);
  const meter = new Meter(input.instances.length, async (w) => {
    const submit = revisions[w] % 2 === 1;
    const res = await post(
      `${input.baseUrl}/api/v1/instances/${input.instances[w].id}/events`,
      submit ? input.submitter : input.rejecter,
      submit ? { type: 'SUBMIT', expectedRevision: revisions[w], data: input.plan } : { type: 'REJECT', expectedRevision: revisions[w], comment: 'rework' },
    );
    if (res.status >= 300) throw new Error(`POST events answered ${res.status}: ${res.body}`);
    revisions[w] = (JSON.parse(res.body) as { revision: number }).revision;
  });
  await meter.warmUp(input.durationMs / 8);
  await meter.round(input.durationMs);
  process.stdout.write(JSON.stringify(meter.result()));
  agent.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`http load failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

/**
 * The HTTP load generator, run as its own process so it does not share the
 * server's event loop: `concurrency` clients each drive one instance through the
 * plan's SUBMIT/REJECT loop with POST /instances/:id/events, each over its own
 * keep-alive connection. Input: one JSON argument; output: IPC messages to the parent
 * (`{ measuring: true }` after the warm-up, then `{ result: Measurement }`).
 */
import { Meter } from './measure';
import { RawHttpClient } from './raw-http-client';

export interface HttpLoadInput {
  baseUrl: string;
  durationMs: number;
  /** Bearer tokens of the survey manager (SUBMIT) and the approver (REJECT). */
  submitter: string;
  rejecter: string;
  instances: { id: string; revision: number }[];
  plan: Record<string, unknown>;
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2]) as HttpLoadInput;
  const url = new URL(input.baseUrl);
  const clients = await Promise.all(input.instances.map(() => RawHttpClient.open(Number(url.port), url.hostname)));
  const revisions = input.instances.map((i) => i.revision);
  const meter = new Meter(input.instances.length, async (w) => {
    const submit = revisions[w] % 2 === 1;
    const res = await clients[w].post(
      `/api/v1/instances/${input.instances[w].id}/events`,
      { authorization: `Bearer ${submit ? input.submitter : input.rejecter}`, 'content-type': 'application/json' },
      JSON.stringify(
        submit ? { type: 'SUBMIT', expectedRevision: revisions[w], data: input.plan } : { type: 'REJECT', expectedRevision: revisions[w], comment: 'rework' },
      ),
    );
    if (res.status >= 300) throw new Error(`POST events answered ${res.status}: ${res.body}`);
    revisions[w] = (JSON.parse(res.body) as { revision: number }).revision;
  });
  await meter.warmUp(input.durationMs / 8);
  process.send!({ measuring: true });
  await meter.round(input.durationMs);
  clients.forEach((c) => c.close());
  // the open IPC channel would keep this process alive
  process.send!({ result: meter.result() }, () => process.disconnect());
}

main().catch((error: unknown) => {
  process.stderr.write(`http load failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

/**
 * A worker thread that verifies one range of the audit trail (see AuditVerifier):
 * receives { source, task }, answers with the RangeResult or { error }.
 */
import { parentPort } from 'node:worker_threads';
import type { RangeTask } from './range-check';
import type { TrailSource } from './trail-source';
import { verifyRange } from './verify-range';

parentPort!.once('message', (message: { source: TrailSource; task: RangeTask }) => {
  verifyRange(message.source, message.task).then(
    (result) => parentPort!.postMessage({ result }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});

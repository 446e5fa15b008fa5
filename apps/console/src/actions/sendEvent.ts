import { getJson, sendJson } from '../api/client';
import type { Instance } from '../api/types';

export interface EventBody {
  type: string;
  comment?: string;
  data?: Record<string, unknown>;
  signature?: { password: string; meaning: string };
}

/**
 * Sends an event with the revision the instance has now (GET first), and an
 * idempotency key so a retried click does not act twice.
 */
export async function sendEvent(instanceId: string, body: EventBody): Promise<Instance> {
  const current = await getJson<Instance>(`/instances/${instanceId}`);
  return sendJson<Instance>('POST', `/instances/${instanceId}/events`, { ...body, expectedRevision: current.revision }, {
    'Idempotency-Key': crypto.randomUUID(),
  });
}

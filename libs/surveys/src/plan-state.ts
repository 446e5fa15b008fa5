import type { EntityManager } from 'typeorm';
import { InstanceEntity } from '@satisflow/engine';

/** The state of the plan instance a survey belongs to (undefined when the plan is gone): what answers and recipients are allowed depends on it. */
export async function planState(m: EntityManager, instanceId: string): Promise<string | undefined> {
  return (await m.findOne(InstanceEntity, { where: { id: instanceId }, select: { id: true, state: true } }))?.state;
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { InstanceEntity } from '../entities/instance.entity';

/**
 * Computes figures from a module's own records for a machine's guards (e.g. the survey's
 * return rate). `data` is what the client submitted with the event, for facts about it
 * (e.g. whether the user it names exists); never a fact itself.
 */
export type FactProvider = (
  manager: EntityManager,
  instance: InstanceEntity,
  event: string,
  data: Record<string, unknown> | undefined,
) => Promise<Record<string, unknown>>;

/**
 * Other modules register what they know about an instance; the engine asks
 * them inside the transition's transaction, so the guard sees committed truth
 * and the client can never supply these figures itself.
 */
@Injectable()
export class FactProviders {
  private readonly providers = new Map<string, FactProvider[]>();

  register(procedureKey: string, provider: FactProvider): void {
    this.providers.set(procedureKey, [...(this.providers.get(procedureKey) ?? []), provider]);
  }

  async collect(manager: EntityManager, instance: InstanceEntity, event: string, data?: Record<string, unknown>): Promise<Record<string, unknown>> {
    const facts: Record<string, unknown> = {};
    for (const p of this.providers.get(instance.procedureKey) ?? []) Object.assign(facts, await p(manager, instance, event, data));
    return facts;
  }
}

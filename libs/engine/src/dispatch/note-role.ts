import type { Actor, RoleKey } from '@satisflow/identity';
import { hasRole } from '@satisflow/identity';
import type { ProcedureDefinition } from '../definitions/procedure-definition';
import { stepMeta } from './step-meta';

/**
 * The role in which a person may add a note to an instance (NOTE): the current step's
 * when they hold it, else the first of the procedure's roles they hold for its scope.
 */
export function noteRole(def: ProcedureDefinition, state: string, actor: Actor | undefined, scope: string | undefined): RoleKey | undefined {
  if (!actor) return undefined;
  const stepRole = stepMeta(def.machine, state)?.role;
  return [...(stepRole ? [stepRole] : []), ...def.roles].find((r) => hasRole(actor, r, scope));
}

import type { RoleKey } from '@satisflow/identity';
import { stepMeta } from '../dispatch/step-meta';
import type { ProcedureDefinition } from './procedure-definition';

/** Who may start an instance: the definition's `starters`, else the role of the step it starts in. */
export function startersOf(def: ProcedureDefinition, initialState: string): RoleKey[] {
  return def.starters ?? [stepMeta(def.machine, initialState)?.role].filter((r): r is RoleKey => r !== undefined);
}

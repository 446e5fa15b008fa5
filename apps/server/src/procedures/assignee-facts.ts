import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FactProviders, scopeOf } from '@satisflow/engine';
import { activeActorNamedQuery, actorFromRows, hasRole, type RoleKey } from '@satisflow/identity';
import { correctiveAction, customerComplaint, type AssigneeProblem } from '@satisflow/workflows';

/**
 * Steps that name the person the next step is assigned to by username: the complaint's
 * handler at DISPATCH, the corrective action's owner in its plan. That task goes to that
 * inbox only, so whether the name is an active account holding the role for the instance's
 * scope is a fact of the host's users (the username, or null), which the step's guard reads;
 * the client cannot claim it.
 */
const NAMED_ASSIGNEES: { procedure: string; state: string; event: string; field: string; fact: string; role: RoleKey }[] = [
  { procedure: customerComplaint.key, state: 'received', event: 'DISPATCH', field: 'handler', fact: 'eligibleHandler', role: 'complaint_handler' },
  { procedure: customerComplaint.key, state: 'handling', event: 'REASSIGN', field: 'handler', fact: 'eligibleHandler', role: 'complaint_handler' },
  // the owner implements the actions as complaint_handler and is held to the plan's due date
  { procedure: correctiveAction.key, state: 'actionPlan', event: 'SUBMIT', field: 'owner', fact: 'eligibleOwner', role: 'complaint_handler' },
];

/** Whether `username` names an active account holding `role` for `scope`, and if not, why. */
async function eligibility(m: EntityManager, username: string, role: RoleKey, scope: string | undefined): Promise<{ eligible: string | null; problem?: AssigneeProblem }> {
  const q = activeActorNamedQuery(username);
  const user = actorFromRows(await m.query(q.sql, q.params));
  // compared as stored: MySQL's collation also matches another case, which the task's assignee would not
  if (user?.username === username) {
    if (hasRole(user, role, scope)) return { eligible: username };
    return { eligible: null, problem: user.roles.some((g) => g.role === role) ? 'outOfScope' : 'lacksRole' };
  }
  // only on the way to a refusal: is there such an account at all, and is it disabled?
  const [row] = (await m.query('SELECT username, disabled FROM users WHERE username = ?', [username])) as { username: string; disabled: unknown }[];
  return { eligible: null, problem: row?.username === username && Number(row.disabled) ? 'disabledUser' : 'unknownUser' };
}

@Injectable()
export class AssigneeFacts implements OnModuleInit {
  constructor(private readonly facts: FactProviders) {}

  onModuleInit(): void {
    for (const a of NAMED_ASSIGNEES) {
      this.facts.register(a.procedure, async (m, instance, event, data) => {
        if (instance.state !== a.state || event !== a.event) return {};
        // trimmed as the machine reads it
        const name = typeof data?.[a.field] === 'string' ? (data[a.field] as string).trim() : '';
        if (!name) return { [a.fact]: null };
        const { eligible, problem } = await eligibility(m, name, a.role, scopeOf(instance.snapshot.context));
        return { [a.fact]: eligible, ...(problem ? { [`${a.fact}Problem`]: problem } : {}) };
      });
    }
  }
}

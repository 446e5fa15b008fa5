import { ROLE_KEYS, type RoleKey } from '@satisflow/identity';

export const ALL = 'every role' as const;
const AUDIT_READERS: RoleKey[] = ['auditor', 'admin', 'process_owner', 'quality', 'management_rep', 'general_manager'];

/**
 * Who may call each operation (api.md, domain.md section 1): any other demo role gets
 * 403. `public` needs no token at all. Allowed roles may still get 4xx for the
 * request itself (a wrong state, a missing file), never 403.
 */
export const EXPECTED: Record<string, RoleKey[] | typeof ALL | 'public'> = {
  'POST /auth/login': 'public',
  'GET /health': 'public',
  'POST /responses/{token}': 'public', // the respondent's personal link is the credential
  'GET /me': ALL,
  'GET /people': ALL, // display names for the console's trail and tasks; usernames and names only
  // users (admin)
  'GET /users': ['admin'],
  'POST /users': ['admin'],
  'GET /users/roles': ['admin'],
  'GET /users/{id}': ['admin'],
  'PATCH /users/{id}': ['admin'],
  'POST /users/{id}/disable': ['admin'],
  'POST /users/{id}/enable': ['admin'],
  // procedures and instances: reading is for everyone; acting is the step's role
  'GET /procedures': ALL,
  'GET /procedures/{key}': ALL,
  'GET /procedures/{key}/diagram': ALL,
  'GET /procedures/{key}/document': ALL,
  'GET /instances': ALL,
  'POST /instances': ['survey_manager'], // the survey plan is compiled by the survey manager
  'GET /instances/{id}': ALL,
  'POST /instances/{id}/events': ['survey_manager'], // the draft plan's step belongs to the survey manager
  'GET /instances/{id}/history': ALL,
  // a note is added by the procedure's participants (the world's plan: the survey procedure's roles)
  'POST /instances/{id}/notes': ['survey_manager', 'approver', 'coordinator', 'management_rep', 'general_manager', 'quality'],
  'GET /tasks': ALL,
  // follow-up and escalation tasks are completed by whoever they are for; the auditor only reads
  'POST /tasks/{id}/complete': ROLE_KEYS.filter((r) => r !== 'auditor'),
  'GET /notifications': ALL,
  // the management-review input: compiled by quality, signed by the general manager, read by the other owners and the auditor
  'GET /management-review/pack': ['quality', 'general_manager', 'management_rep', 'process_owner', 'auditor'],
  // settings and the test clock: admin
  'GET /settings/calendar': ALL,
  'PUT /settings/calendar': ['admin'],
  'POST /test/clock': ['admin'],
  'POST /test/worker/run': ['admin'],
  // audit trail: the auditor and the roles that answer to audits
  'GET /audit': AUDIT_READERS,
  'GET /audit/verify': AUDIT_READERS,
  'GET /audit/export': AUDIT_READERS,
  // the security log (failed logins and signatures): the auditor and the administrator
  'GET /security-events': ['auditor', 'admin'],
  // surveys (domain.md section 2: the survey manager plans, the coordinator runs the collection)
  'GET /customers': ALL,
  'POST /customers/import': ['coordinator', 'survey_manager', 'process_owner', 'admin'],
  'POST /surveys': ['survey_manager', 'coordinator'],
  'GET /surveys': ALL,
  'GET /surveys/{id}': ALL,
  'POST /surveys/{id}/recipients': ['coordinator', 'survey_manager'],
  'GET /surveys/{id}/recipients': ALL,
  'POST /surveys/{id}/recipients/sample': ['coordinator', 'survey_manager'],
  'GET /surveys/{id}/follow-ups': ALL,
  'POST /surveys/{id}/recipients/{recipientId}/follow-up': ['coordinator'],
  'POST /surveys/{id}/dispatch': ['coordinator'],
  'POST /surveys/{id}/remind': ['coordinator'],
  'POST /surveys/{id}/responses': ['coordinator'],
  'POST /surveys/{id}/responses/import': ['coordinator'],
  'GET /surveys/{id}/results': ALL,
  'GET /surveys/{id}/gap': ALL,
  'GET /surveys/{id}/items/{item}/next': ALL,
  // a corrective action raised from an item: its starters (procedure C)
  'POST /surveys/{id}/items/{item}/corrective-action': ['quality', 'management_rep'],
  'GET /surveys/{id}/report': ALL,
  'POST /composites': ['survey_manager', 'coordinator', 'process_owner', 'quality', 'management_rep'],
  'GET /composites/{id}': ALL,
};

/** The first role the table lets call an operation (undefined: public, no token). */
export function callerFor(key: string): RoleKey | undefined {
  const expected = EXPECTED[key];
  if (expected === 'public') return undefined;
  return expected === ALL ? 'coordinator' : expected[0];
}


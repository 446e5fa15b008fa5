/** The role keys of the procedures (domain.md section 1), with the labels users see. */
export const ROLES = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  process_owner: { zh: '办公室（程序归口管理）', en: 'Process owner' },
  survey_manager: { zh: '部门经理', en: 'Survey manager' },
  coordinator: { zh: '跟单员 / 客服专员', en: 'Coordinator' },
  approver: { zh: '营销副总经理', en: 'Approver' },
  management_rep: { zh: '管理者代表', en: 'Management representative' },
  general_manager: { zh: '总经理', en: 'General manager' },
  quality: { zh: '品质部', en: 'Quality department' },
  complaint_desk: { zh: '客服前台', en: 'Complaint desk' },
  complaint_handler: { zh: '责任人', en: 'Complaint handler' },
  auditor: { zh: '审核员', en: 'Auditor' },
} as const;

export type RoleKey = keyof typeof ROLES;

/** Roles that read and never change anything (domain.md section 1: the auditor "changes nothing"). */
export const READ_ONLY_ROLES: readonly RoleKey[] = ['auditor'];
export const ROLE_KEYS = Object.keys(ROLES) as RoleKey[];

export interface RoleGrant {
  role: RoleKey;
  /** Organisation unit (department, site, region) the role is limited to; none = everywhere. */
  scope?: string;
}

/** Who is acting: what a verified access token resolves to. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: RoleGrant[];
}

export function hasRole(actor: Pick<Actor, 'roles'>, role: RoleKey, scope?: string): boolean {
  return actor.roles.some((g) => g.role === role && (!g.scope || !scope || g.scope === scope));
}

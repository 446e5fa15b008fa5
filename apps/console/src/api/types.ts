/** Shapes of the Satisflow HTTP API (/work/shared/spec/api.md) as the console uses them. */
export interface LocalText {
  zh: string;
  en: string;
}

export interface RoleGrant {
  role: string;
  scope?: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: RoleGrant[];
  disabled?: boolean;
  locale?: string;
  createdAt?: string;
}

export interface LoginResult {
  accessToken: string;
  expiresAt: string;
  user: User;
}

export interface Task {
  id: string;
  instanceId: string;
  procedure: string;
  instanceTitle?: string;
  state: string;
  title: LocalText;
  role: string;
  assignee?: string | null;
  dueAt?: string | null;
  overdue: boolean;
  outcomes: string[];
  createdAt?: string;
}

export type InstanceStatus = 'active' | 'completed' | 'cancelled';

export interface Instance {
  id: string;
  procedure: string;
  version: number;
  title: string;
  state: string;
  status: InstanceStatus;
  revision: number;
  data: Record<string, unknown>;
  parentId?: string | null;
  children: string[];
  availableEvents: string[];
  openTasks: Task[];
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ProcedureSummary {
  key: string;
  version: number;
  title: LocalText;
  states: number;
}

export interface ProcedureState {
  id: string;
  title: LocalText;
  role?: string;
  outcomes: string[];
  signed?: string[];
  commentRequired?: string[];
  final: boolean;
  automatic: boolean;
  deadline?: unknown;
}

export interface ProcedureDetail {
  key: string;
  version: number;
  title: LocalText;
  initial: string;
  states: ProcedureState[];
  transitions: { from: string; event: string; to: string }[];
  purpose?: LocalText;
  documentNo?: string;
}

export interface AuditRecord {
  seq: number;
  instanceId: string;
  revision: number;
  at: string;
  actor: { id: string | null; username: string; role: string | null };
  event: string;
  fromState: string | null;
  toState: string;
  comment?: string | null;
  data?: Record<string, unknown> | null;
  signatureMeaning?: string | null;
  procedure?: { key: string; version: number };
  hash: string;
  prevHash: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  checkpoints?: number;
  firstBroken?: { seq: number; instanceId: string; reason: string };
}

export interface RoleInfo {
  key: string;
  title: LocalText;
}

export interface Calendar {
  utcOffsetMinutes: number;
  holidays: string[];
  extraWorkdays: string[];
}

export interface Survey {
  id: string;
  instanceId: string;
  title: string;
  period?: string | null;
  status?: string;
  targetReturnRate?: number | null;
}

export interface Recipient {
  id: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  channel: string;
  productType?: string | null;
  region?: string | null;
  status?: string;
  invitedAt?: string | null;
  answeredAt?: string | null;
  [field: string]: unknown;
}

export interface ItemResult {
  key: string;
  title?: string;
  index: number | null;
  n?: number;
}

export interface DimensionResult {
  key: string;
  title?: string;
  index: number | null;
  items: ItemResult[];
}

export interface SurveyResults {
  title?: string;
  sent: number;
  returned: number;
  returnRate: number | null;
  targetReturnRate?: number | null;
  overall: { index: number | null; grade: string | LocalText | null };
  satisfactionRate?: number | null;
  dimensions: DimensionResult[];
}

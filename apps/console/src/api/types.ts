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
  /** Not in anyone's inbox before this time (the second callback). */
  opensAt?: string;
  overdue: boolean;
  outcomes: string[];
  createdAt?: string;
  /** `step` tasks take the machine's outcomes; follow-ups and escalations are completed with a note. */
  kind?: 'step' | 'follow-up' | 'escalation';
  subject?: string;
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
  /** The caller may cancel it (CANCEL), beside the step's outcomes. */
  canCancel: boolean;
  /** The caller may add a note to the trail (POST /instances/:id/notes). */
  canNote: boolean;
  openTasks: Task[];
  createdAt: string;
  updatedAt: string;
}

/** A security-log entry (GET /security-events). */
export interface SecurityEvent {
  id: string;
  at: string;
  kind: 'login.failed' | 'login.locked' | 'signature.failed' | 'signature.locked';
  username: string;
  userId?: string;
  ip?: string;
  instanceId?: string;
  reason?: 'unknownUser' | 'wrongPassword' | 'disabled' | 'throttled';
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
  /** The statement each signature makes by default, per event. */
  signedAs?: Record<string, LocalText>;
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
  /** The roles that may start one. */
  starters?: string[];
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

export interface ScaleLevelSpec {
  key: string;
  label: LocalText;
  points: number;
}

export type ScaleSpec = string | { levels: ScaleLevelSpec[] };

export interface QuestionItem {
  key: string;
  title: LocalText;
  weight?: number;
  scale?: ScaleSpec;
}

export interface QuestionDimension {
  key: string;
  title: LocalText;
  weight?: number;
  items: QuestionItem[];
}

export interface Questionnaire {
  scale: ScaleSpec;
  dimensions: QuestionDimension[];
  overallItem?: QuestionItem;
}

export interface Survey {
  id: string;
  instanceId: string;
  title: string;
  period?: string | null;
  status?: string;
  targetReturnRate?: number | null;
  questionnaire?: Questionnaire;
}

export interface Recipient {
  id: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  channel: string;
  productType?: string | null;
  region?: string | null;
  customerType?: string | null;
  status: string;
  invitedAt?: string | null;
  followUpDueAt?: string | null;
  followUpOverdue?: boolean;
  answeredAt?: string | null;
  /** only in the answer to the request that created the recipient */
  token?: string;
}

export interface Customer {
  id: string;
  code: string;
  name: string;
  contact?: string | null;
  email?: string | null;
  phone?: string | null;
  productType?: string | null;
  region?: string | null;
  customerType?: string | null;
}

export interface ItemResult {
  key: string;
  title?: LocalText;
  index: number | null;
  n?: number;
  notApplicable?: number;
  mean?: number | null;
  distribution?: { counts: Record<string, number>; notApplicable?: number };
}

export interface DimensionResult {
  key: string;
  title?: LocalText;
  index: number | null;
  items: ItemResult[];
}

export interface SliceResult {
  slice: string;
  index: number | null;
  respondents: number;
}

export interface Change {
  key: string;
  current: number | null;
  previous: number | null;
  delta: number | null;
  marginOfError: number | null;
  significant: boolean | null;
}

export interface KeyDriver {
  key: string;
  n: number;
  correlation: number | null;
  index: number | null;
  priority: number | null;
  rank: number;
}

export interface Grade {
  key: string;
  label: LocalText;
}

export interface SurveyResults {
  surveyId: string;
  title?: string;
  sent: number;
  returned: number;
  returnRate: number | null;
  targetReturnRate?: number | null;
  overall: { index: number | null; grade: Grade | null };
  satisfactionRate?: number | null;
  dimensions: DimensionResult[];
  slices?: Record<string, SliceResult[]>;
  lostPoints?: { key: string; lostPoints: number; share: number; cumulativeShare: number }[];
  changes?: { previousTitle?: string; changes: Change[]; largestRise: Change | null; largestFall: Change | null } | null;
  drivers?: KeyDriver[];
}

export interface GapResult {
  item: string;
  index: number | null;
  target: number;
  respondentsToMove: number | null;
}

export interface CompositeResult {
  id: string;
  weightedScore: number | null;
  deductions: { generalComplaints: number; majorIncidents: number; points: number };
  final: number | null;
  grade: Grade | null;
  sources: { key: string; title?: string; weight: number; appliedShare: number; score: number | null; missing: boolean }[];
}

/** A refused import: every bad line of the file, nothing imported. */
export interface LineProblem {
  line?: number;
  field?: string;
  rule?: string;
  message?: string;
}

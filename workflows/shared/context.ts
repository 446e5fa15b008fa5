import type { ProcedureEvent, RoleKey } from './types';

/** What the engine passes to `initialTransition` when it starts an instance (Dispatcher.startIn). */
export interface ProcedureInput {
  title: string;
  data?: Record<string, unknown>;
  createdBy: string;
  parentId?: string;
  at: string;
}

/** The last NG decision, shown to whoever reworks the step. */
export interface Rejection {
  state: string;
  comment: string;
  by: string;
  at: string;
}

/** A mark on the record each time a deadline passed (procedures.md: "a mark on the record"). */
export interface Escalation {
  state: string;
  level: number;
  role: RoleKey;
  at: string;
}

/** Context every procedure keeps. Plain JSON only: the engine persists it and restores it with resolveState. */
export interface BaseContext {
  title: string;
  createdBy: string;
  createdAt: string;
  parentId: string | null;
  /** Organisation unit of the instance; the engine scopes role checks with it. */
  scope: string | null;
  /** What opened this instance when another procedure started it (e.g. a survey finding). */
  source: Record<string, unknown> | null;
  escalations: Escalation[];
  lastRejection: Rejection | null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed, non-empty string, or null. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** An ISO calendar date (YYYY-MM-DD) that exists, or null (2026-02-30 is no date). */
export function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(value) ? value : null;
}

/** A free text or a list of texts, as forms submit either (e.g. proposals, actions). */
export function isTextOrList(value: unknown): boolean {
  return text(value) !== null || (Array.isArray(value) && value.length > 0 && value.every((v) => text(v) !== null));
}

/** A step's text from `data[field]`, falling back to the event's comment (the engine's DTO offers both). */
export function submittedText(event: ProcedureEvent, field: string): string | null {
  return text(event.data?.[field]) ?? text(event.comment);
}

/** Who sent the event: a username, or `system` for timers and other modules. */
export function actorName(event: ProcedureEvent): string {
  return event.actor?.username ?? 'system';
}

/** Who submitted and when, kept with what they submitted. */
export function stamp(event: ProcedureEvent): { by: string; at: string } {
  return { by: actorName(event), at: event.at };
}

export function baseContext(input: ProcedureInput): BaseContext {
  const data = input.data ?? {};
  return {
    title: input.title,
    createdBy: input.createdBy,
    createdAt: input.at,
    parentId: input.parentId ?? null,
    scope: text(data.scope),
    source: isRecord(data.source) ? data.source : null,
    escalations: [],
    lastRejection: null,
  };
}

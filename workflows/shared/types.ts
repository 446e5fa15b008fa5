/**
 * The engine's contract, imported from one place. `@satisflow/engine` does not yet
 * re-export its definitions (libs/engine/src/definitions has no index), so the
 * contract file is imported directly; when it does, only this line changes.
 */
export type {
  DeadlineMeta,
  Duration,
  FieldCheck,
  FieldRefusal,
  LocalText,
  ProcedureDefinition,
  ProcedureEffect,
  ProcedureEvent,
  StepMeta,
} from '../../libs/engine/src/definitions/procedure-definition';
export type { RoleKey } from '@satisflow/identity';

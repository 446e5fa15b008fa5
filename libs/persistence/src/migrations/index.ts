import { Identity1764000000000 } from './1764000000000-identity';
import { Engine1764000000100 } from './1764000000100-engine';
import { Surveys1764000000200 } from './1764000000200-surveys';
import { Reports1764000000300 } from './1764000000300-reports';
import { SideTasksAndSchedules1764000000400 } from './1764000000400-side-tasks-and-schedules';
import { AnswerTallies1764000000500 } from './1764000000500-answer-tallies';
import { RecipientBounces1764000000510 } from './1764000000510-recipient-bounces';
import { TasksAndTimersByInstance1764000000600 } from './1764000000600-tasks-and-timers-by-instance';
import { InstanceChildCount1764000000700 } from './1764000000700-instance-child-count';
import { OneOpenTaskPerInstance1764000000800 } from './1764000000800-one-open-task-per-instance';
import { AuditSeqWithoutSequenceTable1764000000900 } from './1764000000900-audit-seq-without-sequence-table';
import { SecurityEvents1764000001000 } from './1764000001000-security-events';
import { TaskOpensAt1764000001100 } from './1764000001100-task-opens-at';

/** Every migration, oldest first. Add new ones at the end; never edit a released one. */
export const MIGRATIONS = [
  Identity1764000000000,
  Engine1764000000100,
  Surveys1764000000200,
  Reports1764000000300,
  SideTasksAndSchedules1764000000400,
  AnswerTallies1764000000500,
  RecipientBounces1764000000510,
  TasksAndTimersByInstance1764000000600,
  InstanceChildCount1764000000700,
  OneOpenTaskPerInstance1764000000800,
  AuditSeqWithoutSequenceTable1764000000900,
  SecurityEvents1764000001000,
  TaskOpensAt1764000001100,
];

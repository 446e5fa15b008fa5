import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@satisflow/audit';
import { IdentityModule } from '@satisflow/identity';
import type { ProcedureDefinition } from './definitions/procedure-definition';
import { Dispatcher } from './dispatch/dispatcher';
import { FactProviders } from './dispatch/fact-providers';
import { TransitionHooks } from './dispatch/transition-hooks';
import { TrailNotes } from './dispatch/trail-notes';
import { IdempotencyKeyEntity, InstanceEntity, NotificationEntity, OutboxEntity, ScheduleEntity, SideTaskEntity, TaskEntity, TimerEntity } from './entities';
import { EngineAdminController } from './http/engine-admin.controller';
import { InstancesController } from './http/instances.controller';
import { ProceduresController } from './http/procedures.controller';
import { TasksController } from './http/tasks.controller';
import { InstanceQueries } from './instance-queries';
import { PROCEDURE_DEFINITIONS, ProcedureRegistry } from './procedure-registry';
import { EscalationTasks } from './tasks/escalation-tasks';
import { SideTasks } from './tasks/side-tasks';
import { Schedules } from './worker/schedules';
import { CalendarService } from './time/calendar.service';
import { ClockSync } from './worker/clock-sync';
import { EngineWorker } from './worker/engine-worker';
import { OutboxBell } from './worker/outbox-bell';
import { OutboxProcessor } from './worker/outbox-processor';
import { TimerPoller } from './worker/timer-poller';

@Module({})
export class EngineModule {
  static forRoot(definitions: ProcedureDefinition[]): DynamicModule {
    return {
      module: EngineModule,
      global: true,
      imports: [
        TypeOrmModule.forFeature([InstanceEntity, TaskEntity, TimerEntity, OutboxEntity, NotificationEntity, IdempotencyKeyEntity, SideTaskEntity, ScheduleEntity]),
        AuditModule,
        IdentityModule,
      ],
      controllers: [ProceduresController, InstancesController, TasksController, EngineAdminController],
      providers: [
        { provide: PROCEDURE_DEFINITIONS, useValue: definitions },
        ProcedureRegistry,
        Dispatcher,
        FactProviders,
        TransitionHooks,
        InstanceQueries,
        CalendarService,
        ClockSync,
        TimerPoller,
        OutboxProcessor,
        EngineWorker,
        OutboxBell,
        SideTasks,
        EscalationTasks,
        Schedules,
        TrailNotes,
      ],
      exports: [ProcedureRegistry, Dispatcher, FactProviders, TransitionHooks, InstanceQueries, CalendarService, OutboxProcessor, EngineWorker, SideTasks, Schedules, TrailNotes],
    };
  }
}

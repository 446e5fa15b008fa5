import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@satisflow/identity';
import { UuidPipe } from '@satisflow/validation';
import { InstanceQueries } from '../instance-queries';
import { SideTasks } from '../tasks/side-tasks';
import { CompleteTaskDto, ListTasksDto } from './instance.dto';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller()
export class TasksController {
  constructor(
    private readonly queries: InstanceQueries,
    private readonly sideTasks: SideTasks,
  ) {}

  @Get('tasks')
  tasks(@Query() q: ListTasksDto, @CurrentActor() actor: Actor) {
    const filter = { mine: q.mine === 'true', procedure: q.procedure, instanceId: q.instanceId };
    return q.status === 'closed' ? this.queries.closedTasks(actor, filter) : this.queries.tasks(actor, filter);
  }

  /** Completes a follow-up or escalation task with a note of what was done (step tasks take their outcomes as events). */
  @Post('tasks/:id/complete')
  @HttpCode(200)
  complete(@Param('id', UuidPipe) id: string, @Body() dto: CompleteTaskDto, @CurrentActor() actor: Actor) {
    return this.sideTasks.complete(id, actor, dto.note);
  }

  @Get('notifications')
  notifications(@CurrentActor() actor: Actor) {
    return this.queries.notifications(actor);
  }
}

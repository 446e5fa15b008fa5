import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@satisflow/identity';
import { InstanceQueries } from '../instance-queries';
import { ListTasksDto } from './instance.dto';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller()
export class TasksController {
  constructor(private readonly queries: InstanceQueries) {}

  @Get('tasks')
  tasks(@Query() q: ListTasksDto, @CurrentActor() actor: Actor) {
    return this.queries.tasks(actor, q.mine === 'true', q.procedure);
  }

  @Get('notifications')
  notifications(@CurrentActor() actor: Actor) {
    return this.queries.notifications(actor);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditQuery } from '@satisflow/audit';
import { AccountInUnit, CurrentActor, CurrentCaller, type Actor, type TokenUser } from '@satisflow/identity';
import { UuidPipe } from '@satisflow/validation';
import { Dispatcher } from '../dispatch/dispatcher';
import { InstanceQueries } from '../instance-queries';
import { TrailNotes } from '../dispatch/trail-notes';
import { AddNoteDto, ListInstancesDto, SendEventDto, StartInstanceDto } from './instance.dto';
import { IdempotencyKey } from './idempotency-key.decorator';

@ApiTags('instances')
@ApiBearerAuth()
@Controller('instances')
export class InstancesController {
  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly queries: InstanceQueries,
    private readonly audit: AuditQuery,
    private readonly notes: TrailNotes,
  ) {}

  @Post()
  start(@Body() dto: StartInstanceDto, @CurrentActor() actor: Actor) {
    return this.dispatcher.start(dto, actor);
  }

  @Get()
  list(@Query() q: ListInstancesDto, @CurrentActor() actor: Actor) {
    return this.queries.list(q, q.page, q.pageSize, actor);
  }

  @Get(':id')
  get(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor) {
    return this.queries.get(id, actor);
  }

  @Post(':id/events')
  @HttpCode(200)
  @AccountInUnit() // the busiest write: the dispatcher reads the account with the instance
  @ApiOperation({
    summary: 'Send an event: one of the step outcomes in availableEvents, or CANCEL',
    description:
      "CANCEL withdraws a running instance in any step: only the procedure's cancellers (the instance's canCancel says so for the caller), " +
      'with the reason in `comment` and a `signature`. The instance keeps its data, its state becomes `cancelled` and its status `cancelled`; ' +
      'its task, deadlines and side tasks end, and it counts in no period figure.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first result' })
  send(
    @Param('id', UuidPipe) id: string,
    @Body() dto: SendEventDto,
    @CurrentCaller() caller: Actor | TokenUser,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.dispatcher.send(id, dto, caller, idempotencyKey);
  }

  @Post(':id/notes')
  @ApiOperation({
    summary: 'Add a note to the trail',
    description:
      "A free note (NOTE) in the instance's hash-chained trail, in any step and status: a customer who could not be reached, what a meeting agreed. " +
      "For anyone holding one of the procedure's roles for the instance's scope; the state stays, the revision moves. Answers the instance.",
  })
  async addNote(@Param('id', UuidPipe) id: string, @Body() dto: AddNoteDto, @CurrentActor() actor: Actor) {
    await this.notes.annotate(id, actor, dto.note.trim());
    return this.queries.get(id, actor);
  }

  @Get(':id/history')
  async history(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor) {
    await this.queries.get(id, actor); // 404 for an unknown instance
    return this.audit.history(id);
  }
}

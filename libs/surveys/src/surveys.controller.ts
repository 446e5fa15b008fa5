import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiProperty, ApiPropertyOptional, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ListBody, readUpload, says } from '@satisflow/http';
import { CurrentActor, Roles, type Actor } from '@satisflow/identity';
import { fieldProblem, UuidPipe } from '@satisflow/validation';
import { CompositesService } from './composites.service';
import { CustomersService } from './customers.service';
import {
  AddRecipientsDto,
  CreateCompositeDto,
  CreateSurveyDto,
  EnterResponseDto,
  GapQueryDto,
  SampleRecipientsDto,
} from './dto/survey.dto';
import { ItemCorrectiveActions } from './item-actions';
import { ResponsesService } from './responses.service';
import { ResultsService } from './results.service';
import { SurveysService } from './surveys.service';

const MAX_UPLOAD = 10 * 1024 * 1024;
const fileBody = { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } };

/** The import's CSV or XLSX file, from multipart field "file". */
async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  const file = await readUpload(req, 'file', MAX_UPLOAD);
  if (!file) {
    throw new BadRequestException({
      ...says('send the file as multipart field "file"', '请以 multipart 字段“file”上传文件'),
      details: [fieldProblem('file', 'required', 'a CSV or XLSX file is required', '须上传 CSV 或 XLSX 文件')],
    });
  }
  return file;
}

class ItemActionDto {
  @ApiPropertyOptional({ maxLength: 200, description: "the corrective action's title; by default the item's and the survey's" })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) title?: string;
}

class FollowUpDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'what the call or visit found (e.g. answered by phone, asked to be called back)' })
  @IsString() @MinLength(1) @MaxLength(2000) note: string;
}

/** The quality department's side of a survey: questionnaire, recipients, dispatch, answers, results. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller()
export class SurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly responses: ResponsesService,
    private readonly results: ResultsService,
    private readonly customers: CustomersService,
    private readonly composites: CompositesService,
    private readonly itemActions: ItemCorrectiveActions,
  ) {}

  @Get('customers')
  listCustomers(@Query('search') search?: string, @Query('productType') productType?: string, @Query('region') region?: string) {
    return this.customers.list({ search, productType, region });
  }

  @Roles('coordinator', 'survey_manager', 'process_owner', 'admin')
  @Post('customers/import')
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  async importCustomers(@Req() req: FastifyRequest) {
    return this.customers.import(await uploadedFile(req));
  }

  @Post('surveys')
  create(@Body() dto: CreateSurveyDto, @CurrentActor() actor: Actor) {
    return this.surveys.create(dto, actor);
  }

  @Get('surveys')
  list(@Query('instanceId') instanceId?: string) {
    return this.surveys.list(instanceId);
  }

  @Get('surveys/:id')
  get(@Param('id', UuidPipe) id: string) {
    return this.surveys.get(id);
  }

  @Roles('coordinator', 'survey_manager')
  @Post('surveys/:id/recipients')
  @UseInterceptors(ListBody('recipients'))
  addRecipients(@Param('id', UuidPipe) id: string, @Body() dto: AddRecipientsDto) {
    return this.surveys.addRecipients(id, dto);
  }

  @Roles('coordinator', 'survey_manager')
  @Post('surveys/:id/recipients/sample')
  sample(@Param('id', UuidPipe) id: string, @Body() dto: SampleRecipientsDto) {
    return this.surveys.sample(id, dto);
  }

  @Get('surveys/:id/recipients')
  recipients(@Param('id', UuidPipe) id: string) {
    return this.surveys.recipients(id);
  }

  @Get('surveys/:id/follow-ups')
  followUps(@Param('id', UuidPipe) id: string) {
    return this.surveys.followUps(id);
  }

  @Roles('coordinator')
  @Post('surveys/:id/recipients/:recipientId/follow-up')
  @HttpCode(200)
  recordFollowUp(
    @Param('id', UuidPipe) id: string,
    @Param('recipientId', UuidPipe) recipientId: string,
    @Body() dto: FollowUpDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.surveys.recordFollowUp(id, recipientId, dto.note, actor);
  }

  @Roles('coordinator')
  @Post('surveys/:id/dispatch')
  @HttpCode(200)
  dispatch(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    return this.surveys.dispatch(id, actor, `${req.protocol}://${req.host}`);
  }

  @Roles('coordinator')
  @Post('surveys/:id/remind')
  @HttpCode(200)
  remind(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    return this.surveys.remind(id, actor, `${req.protocol}://${req.host}`);
  }

  @Roles('coordinator')
  @Post('surveys/:id/responses')
  enter(@Param('id', UuidPipe) id: string, @Body() dto: EnterResponseDto, @CurrentActor() actor: Actor) {
    return this.responses.enter(id, dto, actor);
  }

  @Roles('coordinator')
  @Post('surveys/:id/responses/import')
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  async importResponses(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    return this.responses.import(id, await uploadedFile(req), actor);
  }

  @Get('surveys/:id/results')
  resultsOf(@Param('id', UuidPipe) id: string) {
    return this.results.results(id);
  }

  /** A corrective action raised from this item (domain.md section 5), linked to the survey's plan: 201 when raised now, 200 with the one raised before. */
  @Roles('quality', 'management_rep')
  @Post('surveys/:id/items/:item/corrective-action')
  async raiseItemAction(
    @Param('id', UuidPipe) id: string,
    @Param('item') item: string,
    @Body() dto: ItemActionDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { created, instance } = await this.itemActions.raise(id, item, actor, dto.title);
    res.status(created ? 201 : 200);
    return instance;
  }

  /** The item's figure in the next survey of the series that scored it (`next: null` before one has): a corrective action's evidence. */
  @Get('surveys/:id/items/:item/next')
  async nextItemFigure(@Param('id', UuidPipe) id: string, @Param('item') item: string) {
    return { next: await this.results.nextItemFigure(id, item) };
  }

  @Get('surveys/:id/gap')
  gap(@Param('id', UuidPipe) id: string, @Query() q: GapQueryDto) {
    return this.results.gap(id, q.item, q.target);
  }

  // who consolidates satisfaction figures (domain.md 2 and 6): never the auditor or the complaint desk
  @Roles('survey_manager', 'coordinator', 'process_owner', 'quality', 'management_rep')
  @Post('composites')
  createComposite(@Body() dto: CreateCompositeDto, @CurrentActor() actor: Actor) {
    return this.composites.create(dto, actor);
  }

  @Get('composites/:id')
  getComposite(@Param('id', UuidPipe) id: string) {
    return this.composites.get(id);
  }
}

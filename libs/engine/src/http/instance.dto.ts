import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SignatureDto } from '@satisflow/identity';
import { PageNumber } from '@satisflow/validation';

export class StartInstanceDto {
  @ApiProperty({ example: 'annual-satisfaction-survey' })
  @IsString() @Matches(/^[a-z0-9-]{1,64}$/, { message: 'procedure must be a procedure key such as annual-satisfaction-survey' })
  procedure: string;

  @ApiProperty({ example: '2026 年度客户满意度调查' })
  @IsString() @MinLength(1) @MaxLength(200)
  title: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "what the procedure takes at its start, kept in the START audit record: `scope` (the unit or region whose people may act) and `source` in every procedure, a complaint's intake, a corrective action's `owner`, a management review's `period`; other keys are kept in the trail only",
  })
  @IsOptional() @IsObject()
  data?: Record<string, unknown>;
}

export class AddNoteDto {
  @ApiProperty({ minLength: 1, maxLength: 4000, example: '客户电话未接通，明天上午再联系 / customer not reachable, calling again tomorrow morning' })
  @IsString() @MinLength(1) @MaxLength(4000) @Matches(/\S/, { message: 'note must not be blank' })
  note: string;
}

export class SendEventDto {
  @ApiProperty({ example: 'APPROVE' })
  @IsString() @Matches(/^[A-Z][A-Z0-9_]{0,63}$/, { message: 'type must be an event name such as SUBMIT or APPROVE' })
  type: string;

  @ApiProperty({ description: 'the revision the caller saw; a stale one gets 409' })
  @IsInt() @Min(1)
  expectedRevision: number;

  @ApiPropertyOptional({ description: 'required on REJECT and other NG outcomes' })
  @IsOptional() @IsString() @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional() @IsObject()
  data?: Record<string, unknown>;

  @ApiPropertyOptional({ type: SignatureDto })
  @IsOptional() @ValidateNested() @Type(() => SignatureDto)
  signature?: SignatureDto;
}

export class ListInstancesDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64)
  procedure?: string;

  @ApiPropertyOptional({ enum: ['active', 'completed', 'cancelled'] })
  @IsOptional() @IsIn(['active', 'completed', 'cancelled'])
  status?: 'active' | 'completed' | 'cancelled';

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64)
  state?: string;

  @ApiPropertyOptional({ description: 'words the title contains (any case; % and _ are plain characters)' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ default: 1 }) @PageNumber()
  page = 1;

  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  pageSize = 20;
}

export class ListTasksDto {
  @ApiPropertyOptional({ description: 'only tasks the caller can act on' })
  @IsOptional() @IsIn(['true', 'false'])
  mine?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['open', 'closed'],
    description:
      'open (default): the step tasks and side tasks to act on; closed: the follow-up and escalation tasks closed, newest first, with who closed them, when and why (step tasks end with their event, which the audit trail keeps)',
  })
  @IsOptional() @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ description: 'only the tasks of this instance' })
  @IsOptional() @IsUUID()
  instanceId?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64)
  procedure?: string;
}

export class DiagramQueryDto {
  @ApiPropertyOptional({ enum: ['svg', 'mermaid'] })
  @IsOptional() @IsIn(['svg', 'mermaid'])
  format: 'svg' | 'mermaid' = 'svg';

  @ApiPropertyOptional({ enum: ['zh', 'en'] })
  @IsOptional() @IsIn(['zh', 'en'])
  lang: 'zh' | 'en' = 'zh';

  @ApiPropertyOptional({ description: 'state to highlight' })
  @IsOptional() @IsString() @MaxLength(64)
  highlight?: string;

  @ApiPropertyOptional({ description: 'definition version (default latest)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  version?: number;
}

export class DocumentQueryDto {
  @ApiPropertyOptional({ enum: ['md', 'pdf'], description: 'Markdown (default) or printable PDF' })
  @IsOptional() @IsIn(['md', 'pdf'])
  format: 'md' | 'pdf' = 'md';

  @ApiPropertyOptional({ enum: ['zh', 'en'] })
  @IsOptional() @IsIn(['zh', 'en'])
  lang: 'zh' | 'en' = 'zh';

  @ApiPropertyOptional({ description: 'definition version (default latest)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  version?: number;
}

export class CompleteTaskDto {
  @ApiProperty({ description: 'what was done (the call, its outcome, the chasing)' })
  @IsString() @MinLength(1) @MaxLength(2000)
  note: string;
}

export class AdvanceClockDto {
  @ApiProperty({ description: 'milliseconds to move the engine clock forward' })
  @IsInt() @Min(0) @Max(10 * 365 * 86_400_000)
  advanceMs: number;
}

export class CalendarDto {
  @ApiProperty({ example: 480 })
  @IsInt() @Min(-720) @Max(840)
  utcOffsetMinutes: number;

  @ApiProperty({ example: ['2026-10-01'] })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'holidays must be dates like 2026-10-01' })
  holidays: string[];

  @ApiProperty({ example: ['2026-10-10'] })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'extraWorkdays must be dates like 2026-10-10' })
  extraWorkdays: string[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { NestedList } from '@satisflow/validation';

export class LocalTextDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) zh: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) en: string;
}

export class ItemDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) key: string;
  @ApiProperty({ type: LocalTextDto }) @ValidateNested() @Type(() => LocalTextDto) title: LocalTextDto;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) weight?: number;
  @ApiPropertyOptional({ description: 'preset name or { levels }' }) @IsOptional() @IsDefined() scale?: unknown;
}

export class DimensionDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) key: string;
  @ApiProperty({ type: LocalTextDto }) @ValidateNested() @Type(() => LocalTextDto) title: LocalTextDto;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) weight?: number;
  @ApiProperty({ type: [ItemDto] }) @NestedList(() => ItemDto, { min: 1, max: 200 }) items: ItemDto[];
}

export class CreateSurveyDto {
  @ApiProperty({ description: 'the annual-satisfaction-survey plan instance' }) @IsUUID() instanceId: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiPropertyOptional({ description: 'surveys of one series are compared period against period' }) @IsOptional() @IsString() @MaxLength(100) series?: string;
  @ApiPropertyOptional({ example: '2026' }) @IsOptional() @IsString() @MaxLength(32) period?: string;
  @ApiProperty({ description: 'ten-point | five-point | five-level-ratio | three-level | { levels: [...] }' }) @IsDefined() scale: unknown;
  @ApiProperty({ type: [DimensionDto] }) @NestedList(() => DimensionDto, { min: 1, max: 50 }) dimensions: DimensionDto[];
  @ApiPropertyOptional({ type: ItemDto }) @IsOptional() @ValidateNested() @Type(() => ItemDto) overallItem?: ItemDto;
  @ApiPropertyOptional({ default: 80 }) @IsOptional() @IsInt() @Min(1) @Max(100) targetReturnRate?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) satisfiedThreshold?: string;
  @ApiPropertyOptional() @IsOptional() @IsArray() bands?: unknown[];
  @ApiPropertyOptional({ enum: ['ratio-to-max', 'min-max'] }) @IsOptional() @IsIn(['ratio-to-max', 'min-max']) indexMethod?: 'ratio-to-max' | 'min-max';
}

export const CHANNELS = ['email', 'fax', 'phone', 'visit', 'paper', 'web'] as const;

export class RecipientDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) fax?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) productType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) customerType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) site?: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel: (typeof CHANNELS)[number];
}

export class AddRecipientsDto {
  @ApiProperty({ type: [RecipientDto] }) @NestedList(() => RecipientDto, { min: 1, max: 5000 }) recipients: RecipientDto[];
}

export class SampleRecipientsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) productType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) customerType?: string;
  @ApiPropertyOptional({ description: 'random sample of this size; all matching customers when absent' }) @IsOptional() @IsInt() @Min(1) @Max(100000) size?: number;
  @ApiPropertyOptional({ enum: CHANNELS, description: 'default: email when the customer has one, else phone' }) @IsOptional() @IsIn(CHANNELS) channel?: (typeof CHANNELS)[number];
}

export class EnterResponseDto {
  @ApiProperty() @IsUUID() recipientId: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel: (typeof CHANNELS)[number];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'item key → level key, or null = not applicable' }) @IsObject() answers: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class PublicResponseDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() answers: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class GapQueryDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) item: string;
  @ApiProperty() @Type(() => Number) @IsNumber() @Min(0) @Max(100) target: number;
}

export class CompositeSourceDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) key: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) title?: string;
  @ApiProperty() @IsNumber() @Min(0) weight: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) score?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() surveyId?: string;
}

export class CreateCompositeDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) period?: string;
  @ApiProperty({ type: [CompositeSourceDto] }) @NestedList(() => CompositeSourceDto, { min: 1, max: 20 }) sources: CompositeSourceDto[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) generalComplaints?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) majorIncidents?: number;
  @ApiPropertyOptional() @IsOptional() @IsArray() bands?: unknown[];
}

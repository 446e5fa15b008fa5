import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { NestedList } from '@satisflow/validation';
import { ROLE_KEYS, type RoleKey } from '../roles';

export class RoleGrantDto {
  @ApiProperty({ enum: ROLE_KEYS })
  @IsIn(ROLE_KEYS)
  role: RoleKey;

  @ApiPropertyOptional({ description: 'Organisation unit the role is limited to' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(64)
  scope?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'zhang.wei' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{2,64}$/, { message: 'username must be 2-64 letters, digits, dots, dashes or underscores' })
  username: string;

  @ApiProperty({ example: '张伟' })
  @IsString() @MinLength(1) @MaxLength(128)
  displayName: string;

  @ApiProperty({ minLength: 8 })
  @IsString() @MinLength(8) @MaxLength(200)
  password: string;

  @ApiProperty({ type: [RoleGrantDto] })
  @NestedList(() => RoleGrantDto, { max: 20 })
  roles: RoleGrantDto[];

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'] })
  @IsOptional() @IsIn(['zh-CN', 'en'])
  locale?: string;
}

/**
 * Every field may be left out, but one sent as null is validated like any other value
 * (400): a null password, name or role list would otherwise reach the service and fail
 * there (a 500 the hostile-input fuzzing found). `locale` alone may be null: it clears it.
 */
export class UpdateUserDto extends PartialType(CreateUserDto, { skipNullProperties: false }) {}

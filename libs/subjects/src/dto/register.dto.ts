import { Role, SUBJECT_ROLES } from '@hst/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SELF_SERVICE_ROLES, SUBJECT_KINDS, SubjectKind } from '../subject-status';
import { normalizeUscc } from '../uscc';
import { IsUscc } from './is-uscc.validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SubjectFieldsDto {
  @ApiProperty({ example: '武汉光谷数据科技有限公司', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '914403001922038216', description: '统一社会信用代码 (GB 32100-2015)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeUscc(value) : value))
  @IsUscc()
  uscc: string;

  @ApiProperty({ enum: SUBJECT_KINDS })
  @IsIn(SUBJECT_KINDS)
  kind: SubjectKind;

  @ApiPropertyOptional({ example: '东湖新技术开发区', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  district?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  legalRepresentative?: string;

  @ApiPropertyOptional({ description: 'Bank account that receives payouts', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  payoutAccount?: string;
}

export class SelfRegisteredSubjectDto extends SubjectFieldsDto {
  @ApiProperty({ enum: SELF_SERVICE_ROLES, isArray: true, example: ['vendor'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SELF_SERVICE_ROLES.length)
  @ArrayUnique()
  @IsIn(SELF_SERVICE_ROLES, { each: true })
  roles: Role[];
}

export class PlatformCreatedSubjectDto extends SubjectFieldsDto {
  @ApiProperty({ enum: SUBJECT_ROLES, isArray: true, example: ['regulator'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUBJECT_ROLES.length)
  @ArrayUnique()
  @IsIn(SUBJECT_ROLES, { each: true })
  roles: Role[];
}

export class NewUserDto {
  @ApiProperty({ example: 'data@guanggu.example' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 128 })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  password: string;

  @ApiProperty({ example: '张伟', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName: string;
}

export class RegisterDto {
  @ApiProperty({ type: SelfRegisteredSubjectDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SelfRegisteredSubjectDto)
  subject: SelfRegisteredSubjectDto;

  @ApiProperty({ type: NewUserDto })
  @IsObject()
  @ValidateNested()
  @Type(() => NewUserDto)
  user: NewUserDto;
}

export class CreateSubjectDto {
  @ApiProperty({ type: PlatformCreatedSubjectDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PlatformCreatedSubjectDto)
  subject: PlatformCreatedSubjectDto;

  @ApiProperty({ type: NewUserDto })
  @IsObject()
  @ValidateNested()
  @Type(() => NewUserDto)
  user: NewUserDto;
}

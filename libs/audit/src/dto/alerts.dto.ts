import { PageQuery } from '@hst/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ALERT_RULES, AlertRule } from '../entities/alert.entity';

export class AlertsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'acknowledged'] })
  @IsOptional()
  @IsIn(['open', 'acknowledged'])
  status?: 'open' | 'acknowledged';

  @ApiPropertyOptional({ enum: ALERT_RULES })
  @IsOptional()
  @IsIn(ALERT_RULES)
  rule?: AlertRule;
}

export class AlertResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ALERT_RULES }) rule: string;
  @ApiProperty({ enum: ['info', 'warning', 'critical'] }) severity: string;
  @ApiPropertyOptional({ type: String, nullable: true }) subjectId: string | null;
  @ApiProperty() entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ enum: ['open', 'acknowledged'] }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AlertPage {
  @ApiProperty({ type: [AlertResponse] }) items: AlertResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

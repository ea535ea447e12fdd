import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';

export class ErrorResponse {
  @ApiProperty({ example: 409 }) statusCode: number;
  @ApiProperty({ example: 'Conflict' }) error: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }) message:
    string | string[];
  @ApiProperty({ required: false, example: 'illegal_transition' }) code?: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid body or query',
  401: 'Missing, invalid or expired token',
  403: 'Role not allowed, or subject not active',
  404: 'Unknown, or not yours',
  409: 'Illegal state transition or conflict',
  413: 'Body too large',
  415: 'Unsupported content type',
  422: 'Forbidden by a business rule',
  429: 'Rate limit exhausted',
};

/** Documents the error responses of a route, all in the contract's error shape. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorResponse })),
  );

import { BadRequestException, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { LoginDto } from '../dto/login.dto';

/**
 * passport-local for POST /auth/login. Guards run before pipes, so the body is validated here first:
 * a malformed login is a 400, not a 401.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const body: unknown = context.switchToHttp().getRequest<{ body: unknown }>().body;
    const dto = plainToInstance(LoginDto, body ?? {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (typeof body !== 'object' || body === null || errors.length > 0) {
      throw new BadRequestException(
        errors.length > 0 ? errors.flatMap((e) => Object.values(e.constraints ?? {})) : ['body must be a JSON object'],
      );
    }
    return super.canActivate(context);
  }
}

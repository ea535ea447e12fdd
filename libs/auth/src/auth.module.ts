import { Env } from '@hst/common';
import { SubjectsModule } from '@hst/subjects';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './guards/access.guard';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { AuthService } from './services/auth.service';
import { LoginLimiter } from './services/login-limiter.service';
import { JwtStrategy } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';

@Module({
  imports: [
    SubjectsModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) => ({
        secret: config.get('JWT_SECRET', { infer: true }),
        signOptions: { expiresIn: config.get('JWT_EXPIRES_IN_SECONDS', { infer: true }), algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [AuthService, LoginLimiter, JwtStrategy, LocalStrategy, JwtAuthGuard, AccessGuard],
  exports: [AuthService, JwtAuthGuard, AccessGuard],
})
export class AuthModule {}

import { AuditModule } from '@hst/audit';
import { OutboxModule } from '@hst/outbox';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SubjectEntity } from './entities/subject.entity';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './services/password-hasher.service';
import { PlatformBootstrap } from './services/platform-bootstrap.service';
import { SubjectsService } from './services/subjects.service';

@Module({
  imports: [TypeOrmModule.forFeature([SubjectEntity, UserEntity]), AuditModule, OutboxModule],
  providers: [SubjectsService, PasswordHasher, PlatformBootstrap],
  exports: [SubjectsService, PasswordHasher, PlatformBootstrap, TypeOrmModule],
})
export class SubjectsModule {}

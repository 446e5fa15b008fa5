import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit.controller';
import { AuditQuery } from './audit-query';
import { AuditCheckpointEntity, AuditRecordEntity } from './audit-record.entity';
import { AuditSealer } from './audit-sealer';
import { AuditVerifier } from './audit-verifier';
import { AuditWriter } from './audit-writer';

@Module({
  imports: [TypeOrmModule.forFeature([AuditRecordEntity, AuditCheckpointEntity])],
  controllers: [AuditController],
  providers: [AuditWriter, AuditQuery, AuditVerifier, AuditSealer],
  exports: [AuditWriter, AuditQuery, AuditVerifier, AuditSealer],
})
export class AuditModule {}

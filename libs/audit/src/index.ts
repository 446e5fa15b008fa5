export * from './audit.module';
export * from './audit-writer';
export * from './audit-query';
export * from './audit-verifier';
export * from './audit-sealer';
export * from './audit-hash';
export { toDate, toInt } from '@satisflow/persistence';
export { AuditRecordEntity, AuditCheckpointEntity } from './audit-record.entity';

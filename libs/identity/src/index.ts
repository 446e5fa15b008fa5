export * from './roles';
export * from './account-checks';
export * from './identity.module';
export * from './users.service';
export * from './auth.service';
export * from './signatures';
export * from './guards/decorators';
export * from './account-bootstrap';
export { UserEntity } from './user.entity';

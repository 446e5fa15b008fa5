export * from './instance.entity';
export * from './task.entity';
export * from './timer.entity';
export * from './outbox.entity';
export * from './notification.entity';
export * from './idempotency-key.entity';
export * from './side-task.entity';
export * from './schedule.entity';

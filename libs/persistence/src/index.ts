export * from './data-source-options';
export * from './portable-columns';
export * from './persistence.module';
export * from './settings.service';
export * from './transaction-runner';
export * from './errors';
export * from './backup';
export * from './sql-rows';

export * from './procedure-definition';
export * from './procedure-graph';
export * from './procedure-lint';

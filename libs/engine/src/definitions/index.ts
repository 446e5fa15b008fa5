export * from './procedure-definition';
export * from './procedure-graph';
export * from './procedure-lint';
export * from './procedure-diagram';
export * from './procedure-document';
export * from './procedure-document-pdf';

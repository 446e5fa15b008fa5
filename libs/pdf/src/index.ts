export * from './pdf-writer';
export * from './pdf-table';
export * from './printable';

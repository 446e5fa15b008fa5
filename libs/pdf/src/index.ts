export * from './pdf-writer';

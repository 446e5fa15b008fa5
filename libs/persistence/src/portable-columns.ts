import type { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column shapes that mean the same on SQLite and MySQL/MariaDB, so one set of
 * migrations serves both dialects. Times are UTC with microseconds.
 */
export function isMysql(runner: QueryRunner): boolean {
  return runner.connection.options.type === 'mysql' || runner.connection.options.type === 'mariadb';
}

export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
  ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
  str: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  int: (name: string, nullable = false, dflt?: number): TableColumnOptions => ({
    name,
    type: 'int',
    isNullable: nullable,
    ...(dflt === undefined ? {} : { default: dflt }),
  }),
  bigint: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable }),
  bool: (name: string, dflt = false): TableColumnOptions => ({ name, type: 'boolean', default: dflt ? 1 : 0 }),
  time: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 6, isNullable: nullable }),
  /** JSON kept as text: `simple-json` on the entity side, LONGTEXT on MySQL so large snapshots fit. */
  json: (runner: QueryRunner, name: string, nullable = true): TableColumnOptions => ({
    name,
    type: isMysql(runner) ? 'longtext' : 'text',
    isNullable: nullable,
  }),
  text: (runner: QueryRunner, name: string, nullable = true): TableColumnOptions => ({
    name,
    type: isMysql(runner) ? 'mediumtext' : 'text',
    isNullable: nullable,
  }),
  seq: (name = 'seq'): TableColumnOptions => ({
    name,
    type: 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
};

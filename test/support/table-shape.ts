import type { DataSource } from 'typeorm';

/** A table's columns, keys and storage as the database reports them, for migration tests. */
export interface Shape {
  /** name, type, nullable and default of every column, in table order */
  columns: string[];
  primary: string[];
  /** secondary indexes (not the primary key's), name → columns */
  indexes: Record<string, string[]>;
  withoutRowid: boolean;
}

export async function shapeOf(ds: DataSource, dialect: 'mysql' | 'sqlite', table: string): Promise<Shape> {
  if (dialect === 'mysql') {
    const columns: { n: string; t: string; nl: string; d: string | null }[] = await ds.query(
      `SELECT COLUMN_NAME AS n, COLUMN_TYPE AS t, IS_NULLABLE AS nl, COLUMN_DEFAULT AS d FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
      [table],
    );
    const keys: { k: string; c: string }[] = await ds.query(
      `SELECT INDEX_NAME AS k, COLUMN_NAME AS c FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
      [table],
    );
    const indexes: Record<string, string[]> = {};
    for (const k of keys) (indexes[k.k] ??= []).push(k.c);
    const { PRIMARY: primary = [], ...secondary } = indexes;
    return { columns: columns.map((c) => `${c.n} ${c.t} ${c.nl} ${c.d}`), primary, indexes: secondary, withoutRowid: false };
  }
  const columns: { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[] = await ds.query(`PRAGMA table_info("${table}")`);
  const list: { name: string; origin: string }[] = await ds.query(`PRAGMA index_list("${table}")`);
  const indexes: Record<string, string[]> = {};
  for (const ix of list.filter((i) => i.origin === 'c')) {
    indexes[ix.name] = ((await ds.query(`PRAGMA index_info("${ix.name}")`)) as { seqno: number; name: string }[]).sort((a, b) => a.seqno - b.seqno).map((c) => c.name);
  }
  const [{ sql }] = await ds.query(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [table]);
  return {
    columns: columns.map((c) => `${c.name} ${c.type} ${c.notnull ? 'NOT NULL' : 'NULL'} ${c.dflt_value}`),
    primary: columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
    indexes,
    withoutRowid: /WITHOUT ROWID\s*$/i.test(sql),
  };
}

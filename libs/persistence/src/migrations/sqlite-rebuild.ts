import type { QueryRunner, TableIndex } from 'typeorm';

/**
 * SQLite cannot change a table's primary key in place, and TypeORM's Table API
 * can neither order a composite key apart from the column order nor alter an
 * existing table into WITHOUT ROWID. So this builds a new table with the same
 * columns (name, type, NOT NULL, default, as PRAGMA table_info reports them)
 * and the given key, copies the rows, drops the old table (and its indexes),
 * renames the new one and creates the indexes again. It runs inside the
 * migration's transaction. `autoIncrement` keys a lone INTEGER column with
 * AUTOINCREMENT (what TypeORM writes for a generated key); without it an INTEGER
 * key is a plain rowid alias.
 */
export async function rebuildSqlite(
  q: QueryRunner,
  table: string,
  primary: string[],
  withoutRowid: boolean,
  indices: TableIndex[],
  opts: { autoIncrement?: boolean } = {},
): Promise<void> {
  const columns: { name: string; type: string; notnull: number; dflt_value: string | null }[] = await q.query(`PRAGMA table_info("${table}")`);
  const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
  // lower case as TypeORM writes types (the pragma reports some in upper case)
  // AUTOINCREMENT exists only as a column constraint, on a lone INTEGER key
  const keyedInline = opts.autoIncrement === true;
  if (keyedInline && primary.length !== 1) throw new Error('AUTOINCREMENT needs a single-column key');
  const definitions = columns.map(
    (c) =>
      `"${c.name}" ${c.type.toLowerCase()}${keyedInline && c.name === primary[0] ? ' PRIMARY KEY AUTOINCREMENT' : ''}${c.notnull ? ' NOT NULL' : ''}${c.dflt_value === null ? '' : ` DEFAULT ${c.dflt_value}`}`,
  );
  const names = quoted(columns.map((c) => c.name));
  const temporary = `temporary_${table}`;
  const key = keyedInline ? '' : `, PRIMARY KEY (${quoted(primary)})`;
  await q.query(`CREATE TABLE "${temporary}" (${definitions.join(', ')}${key})${withoutRowid ? ' WITHOUT ROWID' : ''}`);
  await q.query(`INSERT INTO "${temporary}" (${names}) SELECT ${names} FROM "${table}"`);
  await q.query(`DROP TABLE "${table}"`);
  await q.query(`ALTER TABLE "${temporary}" RENAME TO "${table}"`);
  for (const index of indices) await q.query(`CREATE ${index.isUnique ? 'UNIQUE ' : ''}INDEX "${index.name}" ON "${table}" (${quoted(index.columnNames)})`);
}

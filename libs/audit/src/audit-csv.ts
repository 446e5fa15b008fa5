import type { AuditRecordView } from './audit-query';

const COLUMNS = ['seq', 'instanceId', 'revision', 'at', 'actor', 'role', 'event', 'fromState', 'toState', 'comment', 'signatureMeaning', 'procedure', 'version', 'data', 'prevHash', 'hash'];

/** RFC 4180 field; a leading = + - @ is prefixed so spreadsheet programs never execute it. */
function field(value: unknown): string {
  let s = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function auditToCsv(records: AuditRecordView[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of records) {
    lines.push(
      [r.seq, r.instanceId, r.revision, r.at, r.actor.username, r.actor.role, r.event, r.fromState, r.toState, r.comment, r.signatureMeaning, r.procedure.key, r.procedure.version, r.data, r.prevHash, r.hash]
        .map(field)
        .join(','),
    );
  }
  // BOM so that Excel in a Chinese locale opens the UTF-8 text correctly
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

import type { Duration, LocalText, ProcedureDefinition } from './procedure-definition';
import { eventLabel, roleLabel, toMermaid } from './procedure-diagram';
import { describeProcedure, procedureSteps, type Lang, type ProcedureDescription, type RoleLabels } from './procedure-graph';

export interface DocumentOptions {
  lang: Lang;
  /** Role labels (the identity module's ROLES); passed in so this module stays free of NestJS. */
  roleLabels: RoleLabels;
}

const UNITS: { key: keyof Duration; zh: string; en: [string, string] }[] = [
  { key: 'months', zh: '个月', en: ['month', 'months'] },
  { key: 'workingDays', zh: '个工作日', en: ['working day', 'working days'] },
  { key: 'days', zh: '天', en: ['day', 'days'] },
  { key: 'hours', zh: '小时', en: ['hour', 'hours'] },
  { key: 'minutes', zh: '分钟', en: ['minute', 'minutes'] },
];

/** "3 个工作日" / "3 working days"; parts of a mixed duration are joined. */
export function durationText(duration: Duration, lang: Lang): string {
  const parts = UNITS.filter((u) => duration[u.key]).map((u) => {
    const value = duration[u.key]!;
    return lang === 'zh' ? `${value} ${u.zh}` : `${value} ${u.en[value === 1 ? 0 : 1]}`;
  });
  return parts.join(lang === 'zh' ? ' ' : ', ');
}

const TEXT = {
  docNo: { zh: '文件编号', en: 'Document no.' },
  version: { zh: '版本', en: 'Version' },
  key: { zh: '流程标识', en: 'Procedure key' },
  generated: {
    zh: '本文件由流程定义自动生成，与系统中运行的流程一致。',
    en: 'Generated from the procedure definition, so it matches the procedure the system runs.',
  },
  purpose: { zh: '1 目的和范围', en: '1 Purpose and scope' },
  roles: { zh: '2 职责', en: '2 Responsibilities' },
  roleHead: { zh: '| 角色 | 负责的步骤 |', en: '| Role | Steps |' },
  flow: { zh: '3 流程图', en: '3 Flow chart' },
  steps: { zh: '4 流程步骤', en: '4 Steps' },
  stepHead: {
    zh: '| 序号 | 步骤 | 责任角色 | 表单/记录 | 时限 | 结果 | 不合格时 |',
    en: '| No. | Step | Role | Form / record | Deadline | Outcomes | On NG |',
  },
  records: { zh: '5 记录', en: '5 Records' },
  automatic: { zh: '系统（自动）', en: 'system (automatic)' },
  system: { zh: '系统', en: 'system' },
  signed: { zh: '须电子签名', en: 'signed' },
  comment: { zh: '须填写意见', en: 'comment required' },
  separate: { zh: '不得由以下步骤的办理人办理：', en: 'not by whoever acted in: ' },
  escalation: { zh: '超期逐级上报：', en: 'overdue: escalates to ' },
  backTo: { zh: '退回', en: 'back to ' },
  cancellation: {
    zh: '取消：运行中的记录可在任何步骤由{roles}取消，须填写理由并电子签名；取消的记录及其理由保留在审计追踪中，不计入统计。',
    en: 'Cancellation: a running record may be cancelled in any step by {roles}, with a reason and an electronic signature; the trail keeps the record and the reason, and it counts in no figures.',
  },
  noCancellation: { zh: '取消：本程序的记录不能取消。', en: 'Cancellation: records of this procedure cannot be cancelled.' },
} satisfies Record<string, LocalText>;

/** A table cell: no pipes or line breaks, which would break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ') || '—';
}

/** What the controlled document says, in one language; rendered as Markdown or PDF. */
export interface ProcedureDocumentModel {
  title: string;
  /** Document number, version, procedure key. */
  header: { labels: string[]; values: string[] };
  generatedNote: string;
  headings: { purpose: string; roles: string; flow: string; steps: string; records: string };
  purpose: string;
  roleHead: string[];
  /** Role, then the numbered steps it owns. */
  roleRows: string[][];
  /** Who may cancel a running record, and on what terms. */
  cancellation: string;
  stepHead: string[];
  /** No., step, role, form/record, deadline, outcomes, on NG. */
  stepRows: string[][];
  records: string[];
}

const header = (row: string): string[] => row.split('|').map((c) => c.trim()).filter(Boolean);

/**
 * The controlled procedure document's content, generated from the machine so
 * that the document and the running procedure cannot disagree.
 */
export function procedureDocumentModel(def: ProcedureDefinition, opts: DocumentOptions): ProcedureDocumentModel {
  const { lang, roleLabels } = opts;
  const t = (text: LocalText): string => text[lang];
  const d: ProcedureDescription = describeProcedure(def);
  const meta = new Map(procedureSteps(def).map((s) => [s.id, s.meta]));
  const steps = d.states.filter((s) => !s.final);
  const number = new Map(steps.map((s, i) => [s.id, i + 1]));
  const title = new Map(d.states.map((s) => [s.id, t(s.title)]));
  const quoted = (id: string): string => (lang === 'zh' ? `「${title.get(id)}」` : `"${title.get(id)}"`);
  const role = (r: string): string => roleLabel(r, lang, roleLabels);
  const sep = lang === 'zh' ? '；' : '; ';

  const outcomes = (id: string): string => {
    const m = meta.get(id);
    const offered = [...(m?.outcomes ?? []), ...(m?.systemEvents ?? [])];
    return d.transitions
      // a step's own outcome that keeps it where it is (a hand-over) is listed; deadlines that climb the ladder are not
      .filter((tr) => tr.from === id && (tr.to !== id || !!m?.outcomes?.includes(tr.event)) && (offered.includes(tr.event) || !m?.outcomes))
      .map((tr) => {
        const notes = [
          m?.signed?.[tr.event] ? t(TEXT.signed) : '',
          m?.commentRequired?.includes(tr.event) ? t(TEXT.comment) : '',
          m?.systemEvents?.includes(tr.event) ? t(TEXT.system) : '',
        ].filter(Boolean);
        const note = notes.length ? (lang === 'zh' ? `（${notes.join('，')}）` : ` (${notes.join(', ')})`) : '';
        return `${eventLabel(tr.event, lang)}${note} → ${quoted(tr.to)}`;
      })
      .join(sep);
  };

  const onNg = (id: string): string => {
    const m = meta.get(id);
    if (m?.onReject) return t(m.onReject);
    const back = d.transitions.find((tr) => tr.from === id && tr.event === 'REJECT');
    return back ? `${t(TEXT.backTo)}${quoted(back.to)}` : '';
  };

  const deadline = (id: string): string => {
    const dl = meta.get(id)?.deadline;
    if (!dl) return '';
    const after = durationText(dl.after, lang);
    // a date from the instance (e.g. the plan's own due date) comes first; `after` only stands in for it
    const first = !dl.dueAt ? after : lang === 'zh' ? `${t(dl.dueAt.title)}（无此日期时：${after}）` : `${t(dl.dueAt.title)} (without it: ${after})`;
    return `${first}${sep}${t(TEXT.escalation)}${dl.escalation.map(role).join(' → ')}`;
  };

  const stepRows = steps.map((s) => {
    const m = meta.get(s.id);
    const others = m?.separateFrom?.map(quoted) ?? [];
    const separate = !others.length ? '' : lang === 'zh' ? `（${t(TEXT.separate)}${others.join('、')}）` : ` (${t(TEXT.separate)}${others.join(', ')})`;
    const who = s.role ? `${role(s.role)}${separate}` : s.automatic ? t(TEXT.automatic) : '';
    return [String(number.get(s.id)), t(s.title), who, m?.record ? t(m.record) : '', deadline(s.id), outcomes(s.id), onNg(s.id)];
  });

  const roleRows = def.roles.map((r) => [role(r), steps.filter((s) => s.role === r).map((s) => `${number.get(s.id)} ${t(s.title)}`).join(sep)]);

  return {
    title: t(def.title),
    header: { labels: [t(TEXT.docNo), t(TEXT.version), t(TEXT.key)], values: [def.documentNo ?? '', String(def.version), def.key] },
    generatedNote: t(TEXT.generated),
    headings: { purpose: t(TEXT.purpose), roles: t(TEXT.roles), flow: t(TEXT.flow), steps: t(TEXT.steps), records: t(TEXT.records) },
    purpose: t(def.purpose),
    roleHead: header(t(TEXT.roleHead)),
    roleRows,
    cancellation: def.cancellers?.length
      ? t(TEXT.cancellation).replace('{roles}', def.cancellers.map(role).join(lang === 'zh' ? '或' : ' or '))
      : t(TEXT.noCancellation),
    stepHead: header(t(TEXT.stepHead)),
    stepRows,
    records: [...new Set(steps.map((s) => meta.get(s.id)?.record).filter((r) => r !== undefined).map(t))],
  };
}

const mdRow = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;

/** The controlled procedure document as Markdown, with the flow chart in Mermaid. */
export function procedureDocument(def: ProcedureDefinition, opts: DocumentOptions): string {
  const doc = procedureDocumentModel(def, opts);
  return [
    `# ${doc.title}`,
    '',
    `| ${doc.header.labels.join(' | ')} |`,
    '| --- | --- | --- |',
    mdRow(doc.header.values),
    '',
    `> ${doc.generatedNote}`,
    '',
    `## ${doc.headings.purpose}`,
    '',
    doc.purpose,
    '',
    `## ${doc.headings.roles}`,
    '',
    `| ${doc.roleHead.join(' | ')} |`,
    '| --- | --- |',
    ...doc.roleRows.map(mdRow),
    '',
    doc.cancellation,
    '',
    `## ${doc.headings.flow}`,
    '',
    '```mermaid',
    toMermaid(def, { lang: opts.lang, roleLabels: opts.roleLabels }).trimEnd(),
    '```',
    '',
    `## ${doc.headings.steps}`,
    '',
    `| ${doc.stepHead.join(' | ')} |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...doc.stepRows.map(mdRow),
    '',
    `## ${doc.headings.records}`,
    '',
    ...doc.records.map((r) => `- ${r}`),
    '',
  ].join('\n');
}

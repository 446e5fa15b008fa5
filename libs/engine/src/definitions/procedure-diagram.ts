import { EVENT_LABELS } from './event-labels';
import { FONT, layoutDiagram, textLines, type Box, type BoxText, type Layout, type RoutedEdge } from './diagram-layout';
import type { ProcedureDefinition } from './procedure-definition';
import { AUTOMATIC, describeProcedure, type Lang, type ProcedureDescription, type RoleLabels, type StateDescription } from './procedure-graph';

export interface DiagramOptions {
  /** The state to mark as current (an instance's state). */
  highlight?: string;
  /** Default zh: the company's working language. */
  lang?: Lang;
  /** Role labels to show instead of role keys. */
  roleLabels?: RoleLabels;
}

/** How a transition is labelled for people: the event's word, `auto` for an `always` transition, else the code. */
export function eventLabel(event: string, lang: Lang): string {
  if (event === AUTOMATIC) return lang === 'zh' ? '自动' : 'auto';
  return EVENT_LABELS[event]?.[lang] ?? event;
}

export function roleLabel(role: string, lang: Lang, labels: RoleLabels = {}): string {
  return labels[role]?.[lang] ?? role;
}

/** The second line of a state's box: who acts, or that the system does (a final state's double border says enough). */
function subtitle(s: StateDescription, lang: Lang, labels?: RoleLabels): string {
  if (s.role) return roleLabel(s.role, lang, labels);
  if (s.automatic) return lang === 'zh' ? '系统自动' : 'automatic';
  return '';
}

// ---------------------------------------------------------------- Mermaid

const mermaidId = (id: string): string => id.replace(/[^A-Za-z0-9_]/g, '_');

/** Mermaid's entity codes for what would end a label or start markup; one pass, so nothing is escaped twice. */
const MERMAID_ESCAPES: Record<string, string> = { '#': '#35;', '"': '#quot;', ';': '#59;', '<': '#lt;', '>': '#gt;' };

function mermaidText(text: string): string {
  return text.replace(/[#";<>]/g, (c) => MERMAID_ESCAPES[c]).replace(/\s+/g, ' ');
}

/** A Mermaid `stateDiagram-v2` of the procedure (for `?format=mermaid` and the controlled document). */
export function toMermaid(def: ProcedureDefinition, opts: DiagramOptions = {}): string {
  const lang = opts.lang ?? 'zh';
  const d = describeProcedure(def);
  const lines = ['stateDiagram-v2'];
  for (const s of d.states) {
    const sub = subtitle(s, lang, opts.roleLabels);
    lines.push(`  state "${mermaidText(s.title[lang])}${sub ? `<br/>${mermaidText(sub)}` : ''}" as ${mermaidId(s.id)}`);
  }
  lines.push(`  [*] --> ${mermaidId(d.initial)}`);
  for (const t of d.transitions) lines.push(`  ${mermaidId(t.from)} --> ${mermaidId(t.to)} : ${mermaidText(eventLabel(t.event, lang))}`);
  for (const s of d.states.filter((s) => s.final)) lines.push(`  ${mermaidId(s.id)} --> [*]`);
  if (opts.highlight && d.states.some((s) => s.id === opts.highlight)) {
    lines.push('  classDef current fill:#1677ff,stroke:#1677ff,color:#fff', `  class ${mermaidId(opts.highlight)} current`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- SVG

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

const COLOR = {
  text: '#1f1f1f',
  secondary: '#8c8c8c',
  border: '#d9d9d9',
  edge: '#8c8c8c',
  back: '#bfbfbf',
  label: '#595959',
  muted: '#fafafa',
  accent: '#1677ff',
};

const FONT_FAMILY = `system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif`;

const n = (v: number): string => String(Math.round(v * 10) / 10);

function styles(prefix: string): string {
  return [
    `.${prefix} .box{fill:#fff;stroke:${COLOR.border};stroke-width:1}`,
    `.${prefix} .automatic .box{fill:${COLOR.muted};stroke-dasharray:4 3}`,
    `.${prefix} .inner{fill:none;stroke:${COLOR.border};stroke-width:1}`,
    `.${prefix} .title{font-size:${FONT.title}px;font-weight:600;fill:${COLOR.text};text-anchor:middle}`,
    `.${prefix} .subtitle{font-size:${FONT.subtitle}px;fill:${COLOR.secondary};text-anchor:middle}`,
    `.${prefix} .current .box{fill:${COLOR.accent};stroke:${COLOR.accent}}`,
    `.${prefix} .current .inner{stroke:#fff}`,
    `.${prefix} .current .title,.${prefix} .current .subtitle{fill:#fff}`,
    `.${prefix} .edge{fill:none;stroke:${COLOR.edge};stroke-width:1.2}`,
    `.${prefix} .edge.back{stroke:${COLOR.back};stroke-dasharray:5 4}`,
    // A white halo keeps labels legible where they cross a line.
    `.${prefix} .label{font-size:${FONT.label}px;fill:${COLOR.label};paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}`,
    `.${prefix} .start{fill:${COLOR.text}}`,
  ].join('\n');
}

function drawBox(box: Box, s: StateDescription, current: boolean): string {
  const cls = ['state', s.final ? 'final' : '', s.automatic ? 'automatic' : '', current ? 'current' : ''].filter(Boolean).join(' ');
  const { titleY, subtitleY } = textLines(box);
  const cx = n(box.x + box.w / 2);
  const parts = [
    `<g class="${cls}" data-state="${escapeXml(s.id)}"${current ? ' data-current="true" aria-current="step"' : ''}>`,
    `<rect class="box" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" rx="8"/>`,
    // Final states are double-bordered, as in UML.
    s.final ? `<rect class="inner" x="${n(box.x + 3)}" y="${n(box.y + 3)}" width="${n(box.w - 6)}" height="${n(box.h - 6)}" rx="6"/>` : '',
    ...box.lines.map((line, i) => `<text class="title" x="${cx}" y="${n(titleY[i])}">${escapeXml(line)}</text>`),
    box.subtitle ? `<text class="subtitle" x="${cx}" y="${n(subtitleY)}">${escapeXml(box.subtitle)}</text>` : '',
    '</g>',
  ];
  return parts.filter(Boolean).join('');
}

function drawEdge(e: RoutedEdge, arrow: string): string {
  return (
    `<g class="transition" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}">` +
    `<path class="edge ${e.kind}" d="${e.d}" marker-end="url(#${arrow}${e.kind === 'back' ? '-back' : ''})"/>` +
    `<text class="label" x="${n(e.labelX)}" y="${n(e.labelY)}" text-anchor="${e.labelAnchor}">${escapeXml(e.label)}</text>` +
    '</g>'
  );
}

function marker(id: string, color: string): string {
  return (
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
    `<path d="M0 0L10 5L0 10z" fill="${color}"/></marker>`
  );
}

/** The procedure's diagram geometry (boxes, routed edges), shared by the SVG and the PDF document. */
export function diagramLayout(def: ProcedureDefinition, opts: DiagramOptions = {}): { d: ProcedureDescription; layout: Layout } {
  const lang = opts.lang ?? 'zh';
  const d: ProcedureDescription = describeProcedure(def);
  const texts = new Map<string, BoxText>(d.states.map((s) => [s.id, { title: s.title[lang], subtitle: subtitle(s, lang, opts.roleLabels) }]));
  return { d, layout: layoutDiagram(d, texts, (event) => eventLabel(event, lang)) };
}

/**
 * A self-contained SVG of the procedure: states in rows by distance from the
 * start, forward arrows down, ways back as dashed curves in lanes beside the
 * rows, the current state filled with the accent colour.
 */
export function toSvg(def: ProcedureDefinition, opts: DiagramOptions = {}): string {
  const lang = opts.lang ?? 'zh';
  const { d, layout } = diagramLayout(def, opts);
  // Ids and classes carry the key, so several diagrams on one page do not share markers or styles.
  const prefix = `sf-${d.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const arrow = `${prefix}-arrow`;
  const state = new Map(d.states.map((s) => [s.id, s]));
  const { x, y, w, h } = layout.bounds;
  const initial = layout.boxes.find((b) => b.id === d.initial)!;
  const title = escapeXml(`${def.title[lang]}${def.documentNo ? ` (${def.documentNo})` : ''}`);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="${prefix}" viewBox="${n(x)} ${n(y)} ${n(w)} ${n(h)}" width="${n(w)}" height="${n(h)}" ` +
      `role="img" aria-label="${title}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title>${title}</title>`,
    `<style>\n${styles(prefix)}\n</style>`,
    `<defs>${marker(arrow, COLOR.edge)}${marker(`${arrow}-back`, COLOR.back)}</defs>`,
    `<circle class="start" cx="${n(layout.start.x)}" cy="${n(layout.start.y)}" r="6"/>`,
    `<path class="edge down" d="M${n(layout.start.x)} ${n(layout.start.y + 6)} V${n(initial.y)}" marker-end="url(#${arrow})"/>`,
    ...layout.edges.map((e) => drawEdge(e, arrow)),
    ...layout.boxes.map((b) => drawBox(b, state.get(b.id)!, b.id === opts.highlight)),
    '</svg>',
  ].join('\n');
}

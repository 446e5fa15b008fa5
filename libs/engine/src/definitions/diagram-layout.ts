import { distancesFromInitial, type ProcedureDescription } from './procedure-graph';

/**
 * Geometry of a procedure diagram, top to bottom: one row per shortest
 * distance from the initial state, so the main path reads downwards and
 * every way back (rejects, reopenings) is an edge that goes up.
 */

export interface BoxText {
  title: string;
  /** The role, or what kind of state it is. */
  subtitle: string;
}

export interface Box {
  id: string;
  row: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The title wrapped to the box width. */
  lines: string[];
  subtitle: string;
}

export type EdgeKind = 'down' | 'across' | 'back' | 'self';

export interface RoutedEdge {
  from: string;
  to: string;
  label: string;
  kind: EdgeKind;
  /** SVG path data. */
  d: string;
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'middle' | 'end';
  /** The lane's x for an edge drawn beside the rows (so the drawing's bounds include it). */
  lane: number[];
}

export interface Layout {
  boxes: Box[];
  edges: RoutedEdge[];
  /** Where the initial pseudo-state's dot sits (its arrow goes into the initial box's top). */
  start: { x: number; y: number };
  bounds: { x: number; y: number; w: number; h: number };
}

export const FONT = { title: 13, subtitle: 11, label: 11 };
const LINE = { title: 18, subtitle: 16 };
const PAD = { x: 16, y: 10 };
const BOX = { minW: 128, maxTextW: 200 };
const GAP = { x: 64, y: 72, lane: 24, lanePad: 28, margin: 24 };

/** One decimal is plenty for screen coordinates and keeps the SVG small. */
const r = (v: number): number => Math.round(v * 10) / 10;

/** Approximate text width (no font metrics without a browser): CJK glyphs are square, Latin about 0.6 em. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x2e80) w += size;
    else if (ch === ' ') w += size * 0.3;
    else if (/[A-Z0-9_]/.test(ch)) w += size * 0.7;
    else w += size * 0.58;
  }
  return w;
}

/** Greedy wrap: Latin words stay whole, CJK may break between any two characters. */
function wrap(text: string, size: number, max: number): string[] {
  const tokens = text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && textWidth(line + token.trimEnd(), size) > max) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line += token;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function sizedBox(id: string, text: BoxText): Omit<Box, 'row' | 'x' | 'y'> {
  const lines = wrap(text.title, FONT.title, BOX.maxTextW);
  // Titles are bold: about 5% wider than the regular-weight estimate.
  const widest = Math.max(...lines.map((l) => textWidth(l, FONT.title) * 1.05), textWidth(text.subtitle, FONT.subtitle));
  return {
    id,
    lines,
    subtitle: text.subtitle,
    w: Math.max(BOX.minW, Math.ceil(widest) + 2 * PAD.x),
    h: 2 * PAD.y + lines.length * LINE.title + (text.subtitle ? LINE.subtitle : 0),
  };
}

/** Title baselines and the subtitle baseline inside a box. */
export function textLines(box: Box): { titleY: number[]; subtitleY: number } {
  const titleY = box.lines.map((_, i) => box.y + PAD.y + (i + 1) * LINE.title - 5);
  return { titleY, subtitleY: box.y + PAD.y + box.lines.length * LINE.title + LINE.subtitle - 4 };
}

/** Rows by distance; within a row, under the average position of the states leading into it (fewer crossings). */
function rows(d: ProcedureDescription): string[][] {
  const distance = distancesFromInitial(d);
  const last = Math.max(...distance.values()) + 1;
  const order = new Map(d.states.map((s, i) => [s.id, i]));
  const grid: string[][] = [];
  // Unreachable states (the linter reports them) still get drawn, in a last row.
  for (const s of d.states) (grid[distance.get(s.id) ?? last] ??= []).push(s.id);
  const placed = new Map<string, number>();
  return grid.filter(Boolean).map((row) => {
    const weight = (id: string): number => {
      const from = d.transitions.filter((t) => t.to === id && placed.has(t.from)).map((t) => placed.get(t.from)!);
      return from.length ? from.reduce((a, b) => a + b, 0) / from.length : Number.MAX_SAFE_INTEGER;
    };
    const sorted = [...row].sort((a, b) => weight(a) - weight(b) || order.get(a)! - order.get(b)!);
    sorted.forEach((id, i) => placed.set(id, i / Math.max(1, sorted.length - 1)));
    return sorted;
  });
}

/** `gap(a, b)`: the room wanted between two neighbours in a row (an arrow between them needs room for its label). */
function placeBoxes(grid: string[][], texts: Map<string, BoxText>, gap: (a: string, b: string) => number): Box[] {
  const boxes: Box[] = [];
  let y = 0;
  grid.forEach((row, r) => {
    const sized = row.map((id) => sizedBox(id, texts.get(id)!));
    const gaps = sized.slice(1).map((b, i) => gap(sized[i].id, b.id));
    const rowW = sized.reduce((sum, b) => sum + b.w, 0) + gaps.reduce((sum, g) => sum + g, 0);
    const rowH = Math.max(...sized.map((b) => b.h));
    let x = -rowW / 2;
    sized.forEach((b, i) => {
      boxes.push({ ...b, row: r, x, y: y + (rowH - b.h) / 2 });
      x += b.w + (gaps[i] ?? 0);
    });
    y += rowH + GAP.y;
  });
  return boxes;
}

/** Evenly spread attachment points along a side, so several arrows on one side stay apart. */
function spread(start: number, length: number, index: number, count: number): number {
  return start + (length * (index + 1)) / (count + 1);
}

/** Lanes beside the rows for edges that go up or skip rows; overlapping row spans take separate lanes. */
class Lanes {
  private readonly used: { side: number; lane: number; lo: number; hi: number }[] = [];

  take(side: 1 | -1, lo: number, hi: number): number {
    let lane = 0;
    while (this.used.some((u) => u.side === side && u.lane === lane && u.lo <= hi && lo <= u.hi)) lane++;
    this.used.push({ side, lane, lo, hi });
    return lane;
  }
}

interface EdgeGroup {
  from: string;
  to: string;
  label: string;
}

function route(boxes: Map<string, Box>, groups: EdgeGroup[]): RoutedEdge[] {
  const all = [...boxes.values()];
  const rowEdge = (row: number, side: 1 | -1): number => {
    const inRow = all.filter((b) => b.row === row);
    return side === 1 ? Math.max(...inRow.map((b) => b.x + b.w)) : Math.min(...inRow.map((b) => b.x));
  };
  const isEnd = (b: Box, side: 1 | -1): boolean => rowEdge(b.row, side) === (side === 1 ? b.x + b.w : b.x);
  const isDown = (g: EdgeGroup): boolean => boxes.get(g.to)!.row === boxes.get(g.from)!.row + 1;
  const isNeighbour = (a: Box, b: Box): boolean =>
    a.row === b.row && !all.some((o) => o.row === a.row && o.x > Math.min(a.x, b.x) && o.x < Math.max(a.x, b.x));
  // Beside the rows, on a side where the target is the outermost box, preferably the source too,
  // so the curve leaves and enters without crossing a neighbour.
  const sideFor = (a: Box, b: Box): 1 | -1 => {
    const sides: (1 | -1)[] = [1, -1];
    const open = sides.filter((side) => isEnd(b, side));
    const candidates = open.length ? open : sides.filter((side) => isEnd(a, side));
    return candidates.find((side) => isEnd(a, side)) ?? candidates[0] ?? 1;
  };

  // Attachment order along each box side follows the other end's x, so arrows do not cross at the box.
  const downs = groups.filter(isDown);
  const bottomPorts = (g: EdgeGroup) => downs.filter((o) => o.from === g.from).sort((a, b) => boxes.get(a.to)!.x - boxes.get(b.to)!.x);
  const topPorts = (g: EdgeGroup) => downs.filter((o) => o.to === g.to).sort((a, b) => boxes.get(a.from)!.x - boxes.get(b.from)!.x);

  const lanes = new Lanes();
  const sidePorts = new Map<string, number>();
  const sidePort = (box: Box, side: number): number => {
    const key = `${box.id}:${side}`;
    const n = sidePorts.get(key) ?? 0;
    sidePorts.set(key, n + 1);
    // Alternate above and below the middle of the side.
    return box.y + box.h / 2 + (n % 2 === 0 ? 1 : -1) * Math.ceil(n / 2) * 10;
  };

  return groups.map((g): RoutedEdge => {
    const a = boxes.get(g.from)!;
    const b = boxes.get(g.to)!;
    if (g.from === g.to) {
      // A self-transition (a deadline escalation): a small loop on the top-right corner.
      const x = a.x + a.w;
      const d = `M${r(x - 22)} ${r(a.y)} C${r(x - 22)} ${r(a.y - 30)}, ${r(x + 30)} ${r(a.y + 12)}, ${r(x)} ${r(a.y + 12)}`;
      return { ...g, kind: 'self', lane: [], d, labelX: x + 6, labelY: a.y - 8, labelAnchor: 'start' };
    }
    if (isDown(g)) {
      const out = bottomPorts(g);
      const into = topPorts(g);
      const x1 = spread(a.x, a.w, out.indexOf(g), out.length);
      const x2 = spread(b.x, b.w, into.indexOf(g), into.length);
      const y1 = a.y + a.h;
      const y2 = b.y;
      const bend = (y2 - y1) / 2;
      const d = `M${r(x1)} ${r(y1)} C${r(x1)} ${r(y1 + bend)}, ${r(x2)} ${r(y2 - bend)}, ${r(x2)} ${r(y2)}`;
      return { ...g, kind: 'down', lane: [], d, labelX: (x1 + x2) / 2 + 6, labelY: (y1 + y2) / 2 + 4, labelAnchor: 'start' };
    }
    if (isNeighbour(a, b)) {
      // Next to each other in a row: a straight arrow between the facing sides,
      // a little above the middle one way and below it the other, so a pair does not overlap.
      const dir = b.x > a.x ? 1 : -1;
      const y = Math.max(a.y, b.y) + Math.min(a.h, b.h) / 2 - dir * 6;
      const x1 = dir === 1 ? a.x + a.w : a.x;
      const x2 = dir === 1 ? b.x : b.x + b.w;
      return { ...g, kind: 'across', lane: [], d: `M${r(x1)} ${r(y)} H${r(x2)}`, labelX: (x1 + x2) / 2, labelY: y - dir * 6 + (dir === 1 ? 0 : 10), labelAnchor: 'middle' };
    }
    // Up, or skipping rows: a curve out in a lane beside the rows it spans.
    const side = sideFor(a, b);
    const lo = Math.min(a.row, b.row);
    const hi = Math.max(a.row, b.row);
    let outer = rowEdge(lo, side);
    for (let r = lo + 1; r <= hi; r++) outer = side === 1 ? Math.max(outer, rowEdge(r, side)) : Math.min(outer, rowEdge(r, side));
    const laneX = outer + side * (GAP.lanePad + lanes.take(side, lo, hi) * GAP.lane);
    const x2 = side === 1 ? b.x + b.w : b.x;
    const y2 = sidePort(b, side);
    const anchor = side === 1 ? 'start' : 'end';
    if (!isEnd(a, side)) {
      // A neighbour is in the way on that side: leave from the source's corner towards the target,
      // run along the gap between the rows out to the lane, then along the lane, with rounded turns.
      const x1 = side === 1 ? a.x + a.w - 14 : a.x + 14;
      const dy = y2 < a.y ? -1 : 1;
      const y1 = dy === -1 ? a.y : a.y + a.h;
      const ym = y1 + (dy * GAP.y) / 2;
      const d =
        `M${r(x1)} ${r(y1)} Q${r(x1)} ${r(ym)}, ${r(x1 + side * 16)} ${r(ym)} L${r(laneX - side * 16)} ${r(ym)} ` +
        `Q${r(laneX)} ${r(ym)}, ${r(laneX)} ${r(ym + dy * 16)} L${r(laneX)} ${r(y2 - dy * 16)} Q${r(laneX)} ${r(y2)}, ${r(x2)} ${r(y2)}`;
      return { ...g, kind: 'back', lane: [laneX], d, labelX: x1 + side * 6, labelY: y1 + dy * 10 + (dy === 1 ? 4 : 0), labelAnchor: anchor };
    }
    const x1 = side === 1 ? a.x + a.w : a.x;
    const y1 = sidePort(a, side);
    // Control points chosen so the curve's outermost point lies exactly on the lane.
    const cx = (8 * laneX - x1 - x2) / 6;
    const d = `M${r(x1)} ${r(y1)} C${r(cx)} ${r(y1)}, ${r(cx)} ${r(y2)}, ${r(x2)} ${r(y2)}`;
    // The label sits just above the line where it leaves the step, clear of the labels between the rows.
    return { ...g, kind: 'back', lane: [laneX], d, labelX: x1 + side * 6, labelY: y1 - 5, labelAnchor: anchor };
  });
}

/** How far a label reaches left and right (self loops and lanes also stay inside this). */
function labelExtent(e: RoutedEdge): [number, number] {
  const w = textWidth(e.label, FONT.label);
  if (e.labelAnchor === 'start') return [e.labelX, e.labelX + w];
  if (e.labelAnchor === 'end') return [e.labelX - w, e.labelX];
  return [e.labelX - w / 2, e.labelX + w / 2];
}

/** Lays out states (with their box texts) and transitions (grouped per pair of states, labels joined). */
export function layoutDiagram(d: ProcedureDescription, texts: Map<string, BoxText>, eventLabel: (event: string) => string): Layout {
  const grouped = new Map<string, { from: string; to: string; events: string[] }>();
  for (const t of d.transitions) {
    const key = `${t.from}\u0000${t.to}`;
    const g = grouped.get(key) ?? { from: t.from, to: t.to, events: [] };
    g.events.push(eventLabel(t.event));
    grouped.set(key, g);
  }
  const groups = [...grouped.values()].map((g) => ({ from: g.from, to: g.to, label: g.events.join(' / ') }));
  const gap = (a: string, b: string): number => {
    const between = groups.filter((g) => (g.from === a && g.to === b) || (g.from === b && g.to === a));
    return Math.max(GAP.x, ...between.map((g) => textWidth(g.label, FONT.label) + 24));
  };
  const boxes = placeBoxes(rows(d), texts, gap);
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const edges = route(byId, groups);
  const initial = byId.get(d.initial)!;
  const start = { x: initial.x + initial.w / 2, y: initial.y - 34 };

  const xs = boxes.flatMap((b) => [b.x, b.x + b.w]).concat(edges.flatMap((e) => [...labelExtent(e), ...e.lane]));
  const minX = Math.min(...xs) - GAP.margin;
  const maxX = Math.max(...xs) + GAP.margin;
  const minY = start.y - 8 - GAP.margin;
  const maxY = Math.max(...boxes.map((b) => b.y + b.h)) + GAP.margin;
  return { boxes, edges, start, bounds: { x: minX, y: minY, w: maxX - minX, h: maxY - minY } };
}


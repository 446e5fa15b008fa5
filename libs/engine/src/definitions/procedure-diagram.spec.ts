import { PROCEDURES } from '@satisflow/workflows';
import { good, ROLE_LABELS } from './__tests__/fixtures';
import { describeProcedure } from './procedure-graph';
import { EVENT_LABELS } from './event-labels';
import { escapeXml, eventLabel, toMermaid, toSvg } from './procedure-diagram';

/** Well-formedness, crudely: only known entities, quoted attributes, and every tag closed in order. */
function expectWellFormed(svg: string): void {
  expect(svg.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toMatch(/&/);
  const stack: string[] = [];
  for (const [, close, name, attrs, selfClose] of svg.matchAll(/<(\/?)([A-Za-z][\w:-]*)([^<>]*?)(\/?)>/g)) {
    expect(attrs).toMatch(/^(\s+[\w:-]+="[^"<]*")*\s*$/);
    if (close) expect(stack.pop()).toBe(name);
    else if (!selfClose) stack.push(name);
  }
  expect(stack).toEqual([]);
  // Nothing but tags, text and whitespace: no stray angle brackets in text.
  expect(svg.replace(/<[^<>]*>/g, '')).not.toMatch(/[<>]/);
}

describe('toMermaid', () => {
  it('draws every state with its title and role, and every transition with its event', () => {
    const text = toMermaid(good(), { lang: 'en', roleLabels: ROLE_LABELS });
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('state "Draft the document<br/>Coordinator" as draft');
    expect(text).toContain('state "Approve the #lt;draft#gt; & sign<br/>Approver" as review');
    expect(text).toContain('[*] --> draft');
    expect(text).toContain('review --> draft : Reject');
    expect(text).toContain('review --> review : Deadline passed');
    expect(text).toContain('publish --> done : auto');
    expect(text).toContain('done --> [*]');
    expect(text).not.toContain('classDef');
  });

  it('styles the highlighted state, in Chinese by default', () => {
    const text = toMermaid(good(), { highlight: 'review' });
    expect(text).toContain('state "起草文件<br/>coordinator" as draft');
    expect(text).toContain('review --> publish : 批准');
    expect(text).toContain('publish --> done : 自动');
    expect(text).toMatch(/classDef current fill:#1677ff.*\n\s*class review current/);
  });
});

describe('toSvg', () => {
  it('is well-formed XML with every state and transition label, escaped', () => {
    const svg = toSvg(good(), { lang: 'en', roleLabels: ROLE_LABELS });
    expectWellFormed(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const title of ['Draft the document', 'Approve the &lt;draft&gt; &amp; sign', 'Publish', 'Done']) expect(svg).toContain(`>${title}</text>`);
    for (const role of ['Coordinator', 'Approver']) expect(svg).toContain(`>${role}</text>`);
    for (const label of ['Submit', 'Approve', 'Reject', 'Deadline passed', 'auto']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).not.toMatch(/>(SUBMIT|APPROVE|REJECT|DEADLINE)</);
    expect(svg).not.toContain('<draft>');
    expect(svg).not.toContain('data-current');
  });

  it('marks the highlighted state and double-borders final states', () => {
    const svg = toSvg(good(), { highlight: 'review' });
    expect(svg).toMatch(/<g class="state current" data-state="review" data-current="true"/);
    expect(svg.match(/data-current/g)).toHaveLength(1);
    expect(svg).toMatch(/<g class="state final" data-state="done"><rect class="box"[^>]*\/><rect class="inner"/);
    expect(svg).toContain('>审批 &lt;草稿&gt; &amp; 签字</text>');
  });

  it('draws each real procedure completely', () => {
    for (const def of PROCEDURES) {
      const svg = toSvg(def, { lang: 'en', highlight: describeProcedure(def).initial });
      expectWellFormed(svg);
      const d = describeProcedure(def);
      for (const s of d.states) expect(svg).toContain(`data-state="${s.id}"`);
      for (const t of d.transitions) expect(svg).toMatch(new RegExp(`data-from="${t.from}" data-to="${t.to}">.*${eventLabel(t.event, 'en')}`));
    }
  });
});

describe('eventLabel', () => {
  it('names every event of every procedure in both languages, from the table the console reads too', () => {
    const events = new Set(PROCEDURES.flatMap((def) => describeProcedure(def).transitions.map((t) => t.event)).filter(Boolean));
    for (const event of events) expect({ event, label: EVENT_LABELS[event] }).toEqual({ event, label: { zh: expect.any(String), en: expect.any(String) } });
    expect(eventLabel('CLOSE_COLLECTION', 'zh')).toBe('结束回收');
    expect(eventLabel('CLOSE_COLLECTION', 'en')).toBe('Close collection');
  });

  it('labels an automatic transition, and shows an event without a label as its code', () => {
    expect(eventLabel('', 'zh')).toBe('自动');
    expect(eventLabel('', 'en')).toBe('auto');
    expect(eventLabel('SOMETHING_NEW', 'zh')).toBe('SOMETHING_NEW');
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

import { pdfOutlineTitles, pdfPageCount } from '../../../../test/support/pdf';
import { good, ROLE_LABELS } from './__tests__/fixtures';
import { lastSegment, procedureDocumentPdf } from './procedure-document-pdf';

describe('procedureDocumentPdf', () => {
  it('prints the document with a bookmark per section and per step, in Chinese', async () => {
    const pdf = await procedureDocumentPdf(good(), { lang: 'zh', roleLabels: ROLE_LABELS });
    expect(pdf.toString('latin1', 0, 5)).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(3);
    expect(pdfOutlineTitles(pdf)).toEqual(
      expect.arrayContaining(['1 目的和范围', '3 流程图', '4 流程步骤', '1 起草文件', '2 审批 <草稿> & 签字', '3 发布']),
    );
  }, 30_000);
});

describe('lastSegment', () => {
  it('finds where a routed edge arrives from, for the arrowhead', () => {
    expect(lastSegment('M10 20 V80')).toEqual([{ x: 10, y: 20 }, { x: 10, y: 80 }]);
    expect(lastSegment('M10 20 H-5')).toEqual([{ x: 10, y: 20 }, { x: -5, y: 20 }]);
    expect(lastSegment('M0 0 C0 30, 50 40, 50 70')).toEqual([{ x: 50, y: 40 }, { x: 50, y: 70 }]);
    expect(lastSegment('M0 0 Q0 10, 16 10 L84 10 Q100 10, 100 -4.5')).toEqual([{ x: 100, y: 10 }, { x: 100, y: -4.5 }]);
  });
});

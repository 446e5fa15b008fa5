import { validateHeaderValue } from 'node:http';
import { attachment } from './index';

describe('attachment', () => {
  it('names a download in a header Node accepts, the UTF-8 name for browsers and an ASCII stand-in', () => {
    const disposition = attachment(Buffer.from('x'), 'application/pdf', 'survey-report-2026上半年 "终"(1).pdf').options.disposition as string;
    expect(() => validateHeaderValue('Content-Disposition', disposition)).not.toThrow();
    expect(disposition).toBe(
      `attachment; filename="survey-report-2026___ ___(1).pdf"; filename*=UTF-8''survey-report-2026%E4%B8%8A%E5%8D%8A%E5%B9%B4%20%22%E7%BB%88%22%281%29.pdf`,
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('survey-report-2026上半年 "终"(1).pdf');
  });

  it('keeps a name built from user text one file name: no folders, no leading dots', () => {
    const disposition = attachment(Buffer.from('x'), 'text/csv', '../../etc/passwd-2028/Q4\n.csv').options.disposition as string;
    expect(disposition).toBe(`attachment; filename="__.._etc_passwd-2028_Q4_.csv"; filename*=UTF-8''__.._etc_passwd-2028_Q4_.csv`);
  });

  it('keeps a plain ASCII name as it is', () => {
    expect(attachment(Buffer.from('x'), 'text/csv', 'satisflow-audit.csv').options.disposition).toBe(
      `attachment; filename="satisflow-audit.csv"; filename*=UTF-8''satisflow-audit.csv`,
    );
  });
});

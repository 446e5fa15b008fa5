import { startBody } from './startData';

describe('startBody: the start data each procedure reads', () => {
  it("sends a complaint's intake and scope", () => {
    expect(startBody({ procedure: 'customer-complaint', title: ' 漏油 ', customer: '北方重工', channel: 'phone', description: '液压缸漏油', scope: ' 华北 ' })).toEqual({
      procedure: 'customer-complaint',
      title: '漏油',
      data: { scope: '华北', customer: '北方重工', channel: 'phone', description: '液压缸漏油' },
    });
  });

  it("sends a review's period, an action's owner, and only what the chosen procedure reads", () => {
    expect(startBody({ procedure: 'management-review', title: 'MR', period: '2026', customer: 'left over from another procedure' })).toEqual({ procedure: 'management-review', title: 'MR', data: { period: '2026' } });
    expect(startBody({ procedure: 'corrective-action', title: 'CA', owner: 'complaint_handler' }).data).toEqual({ owner: 'complaint_handler' });
  });

  it('sends no data when nothing was given', () => {
    expect(startBody({ procedure: 'annual-satisfaction-survey', title: '2026', scope: ' ' })).toEqual({ procedure: 'annual-satisfaction-survey', title: '2026' });
  });
});

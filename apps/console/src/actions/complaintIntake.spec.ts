import { intakeData, missingIntake } from './complaintIntake';

describe('missingIntake: what the complaint record still lacks before dispatch', () => {
  it('names the intake fields the start did not record', () => {
    expect(missingIntake({ intake: { customer: '华东机械厂', channel: ' ' } })).toEqual(['channel', 'description']);
    expect(missingIntake({ intake: { customer: 'a', channel: 'phone', description: 'd' } })).toEqual([]);
    expect(missingIntake({})).toEqual(['customer', 'channel', 'description']);
  });

  it('asks nothing of a case routed from a survey finding (its source is its record), or before the instance is read', () => {
    expect(missingIntake({ intake: {}, source: { survey: '2026' } })).toEqual([]);
    expect(missingIntake(undefined)).toEqual([]);
  });
});

describe('intakeData', () => {
  it('sends the fields given, trimmed, and leaves out the empty ones so that the start record stays', () => {
    expect(intakeData({ customer: ' 北方重工 ', channel: 'phone', description: '  ' })).toEqual({ customer: '北方重工', channel: 'phone' });
  });
});

/** A complete survey plan as the planning step's SUBMIT carries it (procedures.md). */
export const VALID_PLAN = {
  plan: {
    period: '2026',
    windows: [{ from: '2026-10-01', to: '2026-12-31' }],
    sample: { population: 'customer service files 2026', size: 40 },
    channels: ['email', 'phone'],
    survey: 'standard questionnaire v1',
    targetReturnRate: 80,
  },
};

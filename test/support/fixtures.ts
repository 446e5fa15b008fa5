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

/** A five-point questionnaire with two dimensions, as the plan's survey (api.md, POST /surveys). */
export const QUESTIONNAIRE = {
  scale: 'five-point',
  dimensions: [
    {
      key: 'quality',
      title: { zh: '产品质量', en: 'Product quality' },
      items: [
        { key: 'reliability', title: { zh: '可靠性', en: 'Reliability' } },
        { key: 'appearance', title: { zh: '外观', en: 'Appearance' } },
      ],
    },
    {
      key: 'service',
      title: { zh: '服务', en: 'Service' },
      items: [{ key: 'response', title: { zh: '响应速度', en: 'Response time' } }],
    },
  ],
};

/**
 * The questionnaire most of the company documents use: quality, service, delivery and
 * price, weighted 0.4 / 0.3 / 0.1 / 0.2, with an overall question the key drivers are
 * correlated with. One source for the console's questionnaire builder (its starting point)
 * and the demo organisation's survey of last year, so a survey built from it has items to
 * compare with. Plain data, no imports: the console bundles this file as it is.
 */
export const STANDARD_QUESTIONNAIRE = {
  scale: 'five-point',
  dimensions: [
    { key: 'quality', title: { zh: '产品质量', en: 'Product quality' }, weight: 0.4, items: [
      { key: 'reliability', title: { zh: '可靠性', en: 'Reliability' } },
      { key: 'performance', title: { zh: '性能', en: 'Performance' } },
      { key: 'appearance', title: { zh: '外观', en: 'Appearance' } },
    ] },
    { key: 'service', title: { zh: '服务', en: 'Service' }, weight: 0.3, items: [
      { key: 'response', title: { zh: '响应速度', en: 'Response time' } },
      { key: 'attitude', title: { zh: '服务态度', en: 'Attitude' } },
    ] },
    { key: 'delivery', title: { zh: '交付与运输', en: 'Delivery' }, weight: 0.1, items: [{ key: 'onTime', title: { zh: '准时交付', en: 'On-time delivery' } }] },
    { key: 'price', title: { zh: '价格', en: 'Price' }, weight: 0.2, items: [{ key: 'value', title: { zh: '性价比', en: 'Value for money' } }] },
  ],
  overallItem: { key: 'overall', title: { zh: '总体而言，您对我们是否满意？', en: 'Overall, how satisfied are you with us?' } },
};

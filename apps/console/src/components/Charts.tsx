import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';

/** A chart component that loads its code (and ECharts with it) when first rendered. */
function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function OnDemandChart(props: P) {
    return (
      <Suspense
        fallback={
          <div style={{ minHeight: 160, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
            <Spin />
          </div>
        }
      >
        <Lazy {...props} />
      </Suspense>
    );
  };
}

// ECharts (about 150 KB compressed) loads with the first chart a user opens, not with the console.
export const BarChart = onDemand(async () => (await import('./BarChart')).BarChart);
export const StackedBarChart = onDemand(async () => (await import('./StackedBarChart')).StackedBarChart);

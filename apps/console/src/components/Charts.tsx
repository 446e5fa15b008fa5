import { Spin } from 'antd';
import { lazy, Suspense, type ComponentProps, type ReactNode } from 'react';
import type { BarChart as EagerBarChart } from './BarChart';
import type { StackedBarChart as EagerStackedBarChart } from './StackedBarChart';

// ECharts (about 150 KB compressed) loads with the first chart a user opens, not with the console.
const LazyBarChart = lazy(() => import('./BarChart').then((m) => ({ default: m.BarChart })));
const LazyStackedBarChart = lazy(() => import('./StackedBarChart').then((m) => ({ default: m.StackedBarChart })));

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div style={{ minHeight: 160, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

export function BarChart(props: ComponentProps<typeof EagerBarChart>) {
  return (
    <Loading>
      <LazyBarChart {...props} />
    </Loading>
  );
}

export function StackedBarChart(props: ComponentProps<typeof EagerStackedBarChart>) {
  return (
    <Loading>
      <LazyStackedBarChart {...props} />
    </Loading>
  );
}

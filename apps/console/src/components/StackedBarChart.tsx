import { BarChart as EBar } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EBar, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface Stack {
  name: string;
  color: string;
  values: number[];
}

/** Horizontal 100 % stacked bars: how the answers of each row split over the levels. */
export function StackedBarChart({ rows, stacks }: { rows: string[]; stacks: Stack[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const totals = rows.map((_, r) => stacks.reduce((sum, s) => sum + (s.values[r] ?? 0), 0) || 1);
    chart.setOption({
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 12, itemHeight: 12 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rows, axisLabel: { width: 140, overflow: 'truncate' } },
      series: stacks.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'all',
        barMaxWidth: 22,
        itemStyle: { color: s.color },
        data: s.values.map((v, r) => Math.round((1000 * v) / totals[r]) / 10),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, stacks]);
  return <div ref={ref} style={{ width: '100%', height: Math.max(180, rows.length * 34 + 60) }} />;
}

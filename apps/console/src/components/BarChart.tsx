import { BarChart as EBar } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EBar, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

export interface Bar {
  label: string;
  value: number | null;
}

/** Horizontal bars of 0–100 indices, lowest visible at a glance; an optional target line. */
export function BarChart({ bars, target, height }: { bars: Bar[]; target?: number; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.value !== null && b.value < (target ?? 0) ? '#fa8c16' : '#1677ff', borderRadius: [0, 4, 4, 0] } })),
          label: { show: true, position: 'right' },
          markLine: target ? { symbol: 'none', data: [{ xAxis: target }], lineStyle: { color: '#cf1322', type: 'dashed' } } : undefined,
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, target]);
  return <div ref={ref} style={{ width: '100%', height: height ?? Math.max(160, bars.length * 36 + 40) }} />;
}

// A small ECharts host: creates the chart once, applies the option, follows the element's size.
import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from './echarts-setup.ts';

interface Props {
  option: EChartsCoreOption;
  height: number;
  ariaLabel: string;
}

export function EChart({ option, height, ariaLabel }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const instance = echarts.init(el.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}

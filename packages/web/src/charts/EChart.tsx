// A small ECharts host: creates the chart once, applies the option, follows the element's size, and offers
// a keyboard-reachable "export PNG" button (the option's toolbox has saveAsImage for mouse users too).
import { useEffect, useRef } from 'react';
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { echarts, type EChartsCoreOption } from './echarts-setup.ts';
import './chart.css';

interface Props {
  option: EChartsCoreOption;
  height: number;
  ariaLabel: string;
  /** File name (without .png) of the export; no export button when absent. */
  exportName?: string;
}

export function EChart({ option, height, ariaLabel, exportName }: Props) {
  const { t } = useTranslation();
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

  const exportPng = () => {
    const c = chart.current;
    if (!c || !exportName) return;
    const a = document.createElement('a');
    a.href = c.getDataURL({
      type: 'png',
      pixelRatio: 2,
      backgroundColor: '#fff',
      excludeComponents: ['toolbox'],
    });
    a.download = `${exportName}.png`;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  return (
    <div className="scimon-chart">
      {exportName && (
        <div className="scimon-chart-tools">
          <Button size="small" icon={<DownloadOutlined />} onClick={exportPng} data-testid="export-png">
            {t('chart.exportPng')}
          </Button>
        </div>
      )}
      <div ref={el} role="img" tabIndex={0} aria-label={ariaLabel} style={{ width: '100%', height }} />
    </div>
  );
}

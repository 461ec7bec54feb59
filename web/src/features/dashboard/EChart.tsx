import { useEffect, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import type { ChartOption } from './dashboardCharts';

type Chart = {
  setOption: (option: ChartOption, notMerge?: boolean) => void;
  resize: () => void;
  dispose: () => void;
  on: (event: 'finished', handler: () => void) => void;
};

// ECharts draws its SVG at the box's size in pixels, without a viewBox: give it one after each drawing, so print CSS
// can scale the chart to the paper's width.
function addViewBox(box: HTMLElement) {
  const svg = box.querySelector('svg');
  const width = svg?.getAttribute('width');
  const height = svg?.getAttribute('height');
  if (svg && width && height) svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
}

// One ECharts chart, drawn as SVG (sharp on paper, readable by the browser tests). ECharts is fetched on first use;
// until then a placeholder keeps the space. `label` says in words what the chart shows, for screen readers.
export default function EChart({
  option,
  label,
  height = 300,
  testId,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    const resize = () => chart.current?.resize();
    import('./echarts')
      .then(({ init }) => {
        if (cancelled || !box.current) return;
        const element = box.current;
        chart.current = init(element, null, { renderer: 'svg' }) as unknown as Chart;
        chart.current.on('finished', () => {
          addViewBox(element);
          element.dataset.drawn = 'true'; // for the browser tests: the chart is on the page
        });
        observer = new ResizeObserver(resize);
        observer.observe(box.current);
        setState('ready');
      })
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (state === 'ready') chart.current?.setOption(option, true);
  }, [state, option]);

  return (
    <div className="chart" data-testid={testId} data-state={state}>
      {state === 'failed' && <Alert type="warning" showIcon title="Không tải được biểu đồ. Tải lại trang để thử lại." />}
      <div
        ref={box}
        role="img"
        aria-label={label}
        className="chart-canvas"
        style={{ height, display: state === 'failed' ? 'none' : undefined }}
      />
      {state === 'loading' && (
        <div className="chart-loading">
          <Spin description="Đang tải biểu đồ…" />
        </div>
      )}
    </div>
  );
}

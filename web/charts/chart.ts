// One-click charts of a result with uPlot: small, fast, and made for time series.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export function chart(host: HTMLElement, s: { names: string[]; data: number[][] }, bars: boolean) {
  host.innerHTML = '';
  const colors = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00'];
  const opts: uPlot.Options = {
    width: host.clientWidth || 600, height: 260,
    scales: { x: { time: /date|time/.test(s.names[0]) } },
    axes: [{}, { size: 70 }],
    series: [{ label: s.names[0] }, ...s.names.slice(1).map((n, i) => ({ label: n, stroke: colors[i % colors.length], ...(bars ? { paths: uPlot.paths.bars!({ size: [0.6, 40] }), fill: colors[i % colors.length] + '88' } : {}) }))],
  };
  return new uPlot(opts, s.data as uPlot.AlignedData, host);
}

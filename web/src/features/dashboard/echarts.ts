// The parts of ECharts the dashboard draws with, registered once. Imported only through `import()` (see
// EChart.tsx), so ECharts stays out of the main bundle and loads with the first chart.
import { init, use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };

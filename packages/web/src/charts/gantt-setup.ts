// The extra ECharts parts of the milestone chart (custom series for the task bar); imported only by its lazy chunk.
import { CustomChart, ScatterChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import { echarts } from './echarts-setup.ts';

echarts.use([
  CustomChart,
  ScatterChart,
  GridComponent,
  MarkLineComponent,
  ToolboxComponent,
  TooltipComponent,
]);

export { echarts };

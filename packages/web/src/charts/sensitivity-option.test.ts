// The sensitivity chart: Si and STi panels with bootstrap whiskers, first factor on top.
import { describe, expect, it } from 'vitest';
import {
  buildSensitivityOption,
  sensitivityMax,
  whiskers,
  type SensitivityFactor,
} from './sensitivity-option.ts';

const texts = {
  title: '排名对不确定输入的敏感性',
  saveAsImage: '保存为图片',
  exportName: 'sa',
  first: '一阶指数 Si',
  total: '总效应指数 STi',
  bounds: '5%–95% 区间',
};
const factors: SensitivityFactor[] = [
  { name: '权重', si: 0.62, sti: 0.7, siQ5: 0.5, siQ95: 0.75, stiQ5: 0.6, stiQ95: 0.82 },
  { name: '缩尾点数', si: 0.2, sti: 0.31, siQ5: null, siQ95: null, stiQ5: null, stiQ95: null },
];

describe('sensitivity option', () => {
  const o = buildSensitivityOption(factors, texts);
  it('has a title, a legend of both indices and a save-as-PNG toolbox', () => {
    expect(o.title).toMatchObject({ text: texts.title });
    expect(o.legend.data).toEqual([texts.first, texts.total]);
    expect((o.toolbox as { feature: { saveAsImage: unknown } }).feature.saveAsImage).toMatchObject({
      name: 'sa',
    });
  });
  it('draws Si and STi in two panels with the first factor on top', () => {
    expect(o.grid).toHaveLength(2);
    expect(o.yAxis.map((a) => a.data)).toEqual([
      ['缩尾点数', '权重'],
      ['缩尾点数', '权重'],
    ]);
    expect(o.series.map((s) => [s.name, s.xAxisIndex, s.data.map((d) => d.value)])).toEqual([
      [texts.first, 0, [0.2, 0.62]],
      [texts.total, 1, [0.31, 0.7]],
    ]);
  });
  it('puts whiskers only where the bounds are known', () => {
    expect(o.series[0]!.markLine.data).toEqual([[{ coord: [0.5, '权重'] }, { coord: [0.75, '权重'] }]]);
    expect(whiskers(factors, 'sti')).toEqual([[{ coord: [0.6, '权重'] }, { coord: [0.82, '权重'] }]]);
    expect(o.series[1]!.data[1]).toMatchObject({ bounds: [0.6, 0.82] });
    expect(o.series[1]!.data[0]).toMatchObject({ bounds: null });
  });
  it('reads on [0, 1] unless an estimate exceeds it', () => {
    expect(sensitivityMax(factors)).toBe(1);
    expect(o.xAxis[0]).toMatchObject({ min: 0, max: 1 });
    expect(sensitivityMax([{ ...factors[0]!, stiQ95: 1.13 }])).toBe(1.5);
    expect(buildSensitivityOption([{ ...factors[0]!, siQ5: -0.1 }], texts).xAxis[0]).toMatchObject({
      min: -0.25,
      max: 1,
      interval: 0.25,
    });
  });
  it('formats the tooltip with the bounds', () => {
    const f = o.tooltip.formatter as (p: unknown) => string;
    expect(f({ seriesName: texts.first, name: '权重', value: 0.62, data: { bounds: [0.5, 0.75] } })).toBe(
      '权重<br/>一阶指数 Si: <b>0.62</b><br/>5%–95% 区间: 0.5 – 0.75',
    );
  });
});

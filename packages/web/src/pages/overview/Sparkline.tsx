// An inline-SVG sparkline of a card's trend (no chart library needed on the first screen).
import { sparklineSegments } from './overview-view.ts';

export function Sparkline({
  values,
  label,
  colour,
}: {
  values: readonly (number | null)[];
  label: string;
  colour: string;
}) {
  const w = 200;
  const h = 32;
  const segments = sparklineSegments(values, w, h);
  return (
    <svg
      width="100%"
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      className="sparkline"
    >
      <title>{label}</title>
      {segments.map((s, i) => (
        <polyline
          key={i}
          points={s}
          fill="none"
          stroke={colour}
          strokeWidth={1.8}
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
}

// A task's colour (四色督办) as a tag; the reason (overdue, far behind …) on hover.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColourReason, TaskColour } from '@scimon/contracts';
import { COLOUR_HEX } from './task-view.ts';

export function ColourTag({ colour, reason }: { colour: TaskColour; reason?: ColourReason }) {
  const { t } = useTranslation('tasks');
  const tag = (
    <Tag
      color={COLOUR_HEX[colour]}
      style={{ marginInlineEnd: 0, minWidth: 36, textAlign: 'center' }}
      data-testid="task-colour"
      data-colour={colour}
    >
      {t(`colour.${colour}`)}
    </Tag>
  );
  return reason ? <Tooltip title={t(`reason.${reason}`)}>{tag}</Tooltip> : tag;
}

export function ColourDot({ colour }: { colour: TaskColour }) {
  return <span className="colour-dot" style={{ background: COLOUR_HEX[colour] }} />;
}

/** Counts per colour as small dots with numbers (a group header, a scoreboard row). */
export function ColourCounts({ counts }: { counts: Record<TaskColour, number> }) {
  const { t } = useTranslation('tasks');
  return (
    <span className="colour-counts">
      {(['red', 'yellow', 'green', 'blue'] as const).map((c) => (
        <Tooltip key={c} title={t(`colour.${c}`)}>
          <span className={counts[c] ? 'colour-count' : 'colour-count zero'} data-colour={c}>
            <ColourDot colour={c} />
            {counts[c]}
          </span>
        </Tooltip>
      ))}
    </span>
  );
}

import { useId } from 'react';
import {
  GROUP_KINDS,
  MAX_GROUPS,
  MIN_GROUPS,
  dateRange,
  type GroupKind,
  type GroupSpec,
} from '../lib/compare-groups.ts';
import { dateOfDay } from '../lib/dates.ts';
import { PLATFORMS, SOURCES } from '../lib/taxonomy.ts';

interface Props {
  groups: readonly GroupSpec[];
  /** The agents of the browse file's dictionary. */
  agents: readonly string[];
  /** The data's first and last day (days since 1970), -1 without rows. */
  minDay: number;
  maxDay: number;
  onChange: (groups: readonly GroupSpec[]) => void;
}

const KIND_NAMES: Record<GroupKind, string> = {
  agent: 'Agent',
  platform: 'Platform',
  source: 'Source',
  dates: 'Date range',
};

/** Two to four groups, each a kind (agent, platform, source, dates) and a value. */
export function GroupPicker({ groups, agents, minDay, maxDay, onChange }: Props) {
  const id = useId();
  const first = minDay >= 0 ? dateOfDay(minDay) : '';
  const last = maxDay >= 0 ? dateOfDay(maxDay) : '';
  const choices = (kind: GroupKind): Array<{ code: string; name: string }> => {
    switch (kind) {
      case 'agent':
        return agents.map((a) => ({ code: a, name: a }));
      case 'platform':
        return PLATFORMS.map((p) => ({ code: p.code, name: p.name }));
      case 'source':
        return SOURCES.map((s) => ({ code: s.code, name: s.name }));
      case 'dates':
        return [];
    }
  };
  const firstValue = (kind: GroupKind) =>
    kind === 'dates' ? `${first}..${last}` : (choices(kind)[0]?.code ?? '');
  const replace = (i: number, spec: GroupSpec) => {
    // A date range with neither end is no group: keep the last one until an end is given.
    if (spec.kind === 'dates' && spec.value === '..') return;
    onChange(groups.map((g, j) => (j === i ? spec : g)));
  };
  const add = () => {
    const taken = new Set(groups.map((g) => `${g.kind}:${g.value}`));
    const agent = agents.find((a) => !taken.has(`agent:${a}`));
    onChange([
      ...groups,
      agent === undefined
        ? { kind: 'dates', value: `${first}..${last}` }
        : { kind: 'agent', value: agent },
    ]);
  };
  return (
    <form
      className="group-picker"
      aria-label="Groups to compare"
      onSubmit={(e) => e.preventDefault()}
    >
      {groups.map((group, i) => {
        const n = i + 1;
        const { from, to } = dateRange(group.value);
        return (
          <fieldset key={`${String(i)}-${group.kind}`}>
            <legend>
              <span className={`swatch g${String(i)}`} aria-hidden="true" />
              Group {n}
            </legend>
            <label>
              Kind
              <select
                value={group.kind}
                onChange={(e) => {
                  const kind = e.target.value as GroupKind;
                  replace(i, { kind, value: firstValue(kind) });
                }}
              >
                {GROUP_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {KIND_NAMES[kind]}
                  </option>
                ))}
              </select>
            </label>
            {group.kind === 'dates' ? (
              <>
                <label>
                  From
                  <input
                    type="date"
                    value={from}
                    min={first}
                    max={last}
                    onChange={(e) =>
                      replace(i, { kind: 'dates', value: `${e.target.value}..${to}` })
                    }
                  />
                </label>
                <label>
                  To
                  <input
                    type="date"
                    value={to}
                    min={first}
                    max={last}
                    onChange={(e) =>
                      replace(i, { kind: 'dates', value: `${from}..${e.target.value}` })
                    }
                  />
                </label>
              </>
            ) : (
              <label>
                {KIND_NAMES[group.kind]}
                <select
                  id={`${id}-value-${String(n)}`}
                  value={group.value}
                  onChange={(e) => replace(i, { kind: group.kind, value: e.target.value })}
                >
                  {choices(group.kind).map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {groups.length > MIN_GROUPS && (
              <button type="button" onClick={() => onChange(groups.filter((_, j) => j !== i))}>
                Remove group {n}
              </button>
            )}
          </fieldset>
        );
      })}
      {groups.length < MAX_GROUPS && (
        <div className="actions">
          <button type="button" onClick={add}>
            Add a group
          </button>
        </div>
      )}
    </form>
  );
}

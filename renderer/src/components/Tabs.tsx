import { useRef, type KeyboardEvent } from 'react';

export interface TabDef<K extends string> {
  key: K;
  label: string;
  testId?: string;
}

export const tabId = (prefix: string, key: string) => `${prefix}-tab-${key}`;
export const panelId = (prefix: string, key: string) => `${prefix}-panel-${key}`;

/** Props for the panel of the active tab. */
export const panelProps = (prefix: string, key: string) => ({
  role: 'tabpanel' as const,
  id: panelId(prefix, key),
  'aria-labelledby': tabId(prefix, key),
  tabIndex: -1,
});

interface Props<K extends string> {
  label: string;
  prefix: string;
  tabs: TabDef<K>[];
  active: K;
  onChange(key: K): void;
}

/** WAI-ARIA tabs: one tab in the Tab order, arrow keys / Home / End move and select. */
export function Tabs<K extends string>({ label, prefix, tabs, active, onChange }: Props<K>) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length]!;
    onChange(next.key);
    listRef.current?.querySelector<HTMLButtonElement>(`#${tabId(prefix, next.key)}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} ref={listRef}>
      {tabs.map((tab, i) => (
        <button
          key={tab.key}
          type="button"
          role="tab"
          id={tabId(prefix, tab.key)}
          aria-selected={tab.key === active}
          aria-controls={tab.key === active ? panelId(prefix, tab.key) : undefined}
          tabIndex={tab.key === active ? 0 : -1}
          className="tabs__tab"
          data-testid={tab.testId}
          onClick={() => onChange(tab.key)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

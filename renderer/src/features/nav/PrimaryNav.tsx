import { useRef, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT';
import { useStore, type PageId } from '../../store';
import { NavIcon } from './NavIcon';
import { NAV_GROUPS, type NavGroup, type NavSection } from './sections';

interface Props {
  sections: NavSection[];
  active: PageId;
}

type Block = { group?: NavGroup; items: NavSection[] };

/** Consecutive sections of one group share a block under the group's heading. */
function blocks(sections: NavSection[]): Block[] {
  const out: Block[] = [];
  for (const s of sections) {
    const last = out[out.length - 1];
    if (s.group && last?.group === s.group) last.items.push(s);
    else out.push(s.group ? { group: s.group, items: [s] } : { items: [s] });
  }
  return out;
}

/**
 * The primary navigation: a landmark with a name, one button per section the role may use, the
 * current one marked aria-current="page". Tab walks the items; ↑/↓ (and Home/End) move between them
 * too. At 900 px or less it narrows to icons, each label shown beside it on hover and focus.
 */
export function PrimaryNav({ sections, active }: Props) {
  const t = useT();
  const goTo = useStore((s) => s.goTo);
  const navRef = useRef<HTMLElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const items = [...(navRef.current?.querySelectorAll<HTMLButtonElement>('.sidenav__item') ?? [])];
    const at = items.indexOf(e.currentTarget);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    const target = moves[e.key];
    if (target === undefined || items.length === 0) return;
    e.preventDefault();
    items[(target + items.length) % items.length]?.focus();
  };

  const item = (s: NavSection) => {
    const Badge = s.badge;
    return (
    <li key={s.id}>
      <button
        type="button"
        className="sidenav__item"
        aria-current={s.id === active ? 'page' : undefined}
        onClick={() => goTo(s.id)}
        onKeyDown={onKeyDown}
        data-testid={`nav-${s.id}`}
      >
        <NavIcon id={s.id} />
        <span className="sidenav__label">{t(s.label)}</span>
        {Badge && <Badge />}
      </button>
    </li>
    );
  };

  return (
    <nav className="sidenav" aria-label={t('nav.label')} ref={navRef} data-testid="primary-nav">
      <ul className="sidenav__list">
        {blocks(sections).map((b) =>
          b.group ? (
            <li key={b.group} className="sidenav__group">
              <span className="sidenav__group-label" id={`nav-group-${b.group}`}>
                {t(NAV_GROUPS[b.group])}
              </span>
              <ul className="sidenav__list" aria-labelledby={`nav-group-${b.group}`}>
                {b.items.map(item)}
              </ul>
            </li>
          ) : (
            b.items.map(item)
          ),
        )}
      </ul>
    </nav>
  );
}

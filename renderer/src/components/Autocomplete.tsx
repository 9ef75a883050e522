import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useT } from '../i18n/useT';
import { describedByFor, FieldNotes } from './TextField';

const SUGGEST_DELAY_MS = 120;

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** Suggestions for what is being typed (the last item in 'list' mode). */
  suggest(prefix: string): Promise<string[]>;
  /** 'list': a comma-separated list, suggestions complete the last item. 'single': the whole value. */
  mode: 'list' | 'single';
  /** Enter without a highlighted suggestion. */
  onEnter?(): void;
  /** A suggestion was picked (after `onChange` with the new value). */
  onPick?(value: string): void;
  onBlur?(): void;
  error?: string | undefined;
  hint?: string | undefined;
  purpose?: string | undefined;
  placeholder?: string;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  testId?: string;
  /** Visually hidden label (toolbars); still the accessible name. */
  compact?: boolean;
}

const items = (text: string) => text.split(',').map((s) => s.trim().toLocaleLowerCase());
const lastItem = (text: string, mode: Props['mode']) => (mode === 'list' ? (text.split(',').pop() ?? '') : text).trim();

/** A text input with a suggestion list (WAI-ARIA combobox): arrows move, Enter picks, Escape closes. */
export function Autocomplete({ inputRef, ...p }: Props) {
  const t = useT();
  const listId = useId();
  const [options, setOptions] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [typed, setTyped] = useState(false);
  const request = useRef(0);
  const { mode, suggest, value } = p;

  useEffect(() => {
    const prefix = lastItem(value, mode);
    if (!typed || !prefix) return;
    const n = ++request.current;
    const timer = setTimeout(() => {
      void suggest(prefix).then((found) => {
        if (n !== request.current) return;
        const taken = mode === 'list' ? items(value).slice(0, -1) : [];
        const next = found.filter((s) => !taken.includes(s.toLocaleLowerCase()) && s.toLocaleLowerCase() !== prefix.toLocaleLowerCase());
        setOptions(next);
        setActive(-1);
        setOpen(next.length > 0);
      });
    }, SUGGEST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, mode, suggest, typed]);

  const close = () => {
    request.current++;
    setOpen(false);
    setActive(-1);
  };

  const pick = (option: string) => {
    const next = mode === 'list' ? [...value.split(',').slice(0, -1).map((s) => s.trim()).filter(Boolean), option].join(', ') + ', ' : option;
    p.onChange(next);
    p.onPick?.(next);
    setTyped(false);
    close();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!open) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const n = options.length;
      setActive((a) => (step > 0 ? (a + 1 >= n ? 0 : a + 1) : a - 1 < 0 ? n - 1 : a - 1));
    } else if (e.key === 'Enter') {
      if (open && active >= 0 && options[active] !== undefined) {
        e.preventDefault();
        pick(options[active]);
      } else {
        close();
        p.onEnter?.();
      }
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  const { describedBy } = describedByFor(p.id, p);
  const optionId = (i: number) => `${listId}-opt-${i}`;
  const expanded = open && options.length > 0;
  return (
    <div className={p.error ? 'field field--invalid combo' : 'field combo'}>
      <label className={p.compact ? 'sr-only' : 'field__label'} htmlFor={p.id}>
        {p.label}
      </label>
      <div className="combo__box">
        <input
          id={p.id}
          name={p.id}
          ref={inputRef}
          className="input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          maxLength={p.maxLength}
          placeholder={p.placeholder}
          value={value}
          data-testid={p.testId}
          onChange={(e) => {
            setTyped(true);
            if (!lastItem(e.target.value, mode)) close();
            p.onChange(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            close();
            p.onBlur?.();
          }}
        />
        <ul className="combo__list" role="listbox" id={listId} aria-label={t('common.suggestions', { label: p.label })} hidden={!expanded}>
          {options.map((o, i) => (
            <li
              key={o}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="combo__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
            >
              {o}
            </li>
          ))}
        </ul>
      </div>
      {!p.compact && <FieldNotes id={p.id} error={p.error} hint={p.hint} purpose={p.purpose} />}
    </div>
  );
}

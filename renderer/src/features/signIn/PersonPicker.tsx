import type { Person } from '../../contract';
import { useT } from '../../i18n/useT';
import { roleLabelKey } from '../account/roleLabel';

interface Props {
  people: Person[];
  selected: number | null;
  onSelect(id: number): void;
  /** Focus the selected (or first) person on mount. */
  autoFocus: boolean;
  error?: string | undefined;
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toLocaleUpperCase())
    .join('');

/** The people who may sign in on this PC, as large radio buttons (arrow keys move, Space picks). */
export function PersonPicker({ people, selected, onSelect, autoFocus, error }: Props) {
  const t = useT();
  const focusId = selected ?? people[0]?.id;
  return (
    <fieldset className={error ? 'people people--invalid' : 'people'} aria-describedby={error ? 'signin-person-error' : undefined}>
      <legend className="section-title">{t('signIn.who')}</legend>
      <div className="people__list">
        {people.map((p) => (
          <label key={p.id} className={p.id === selected ? 'person person--selected' : 'person'} data-testid="signin-person" data-person-id={p.id}>
            <input
              type="radio"
              className="person__radio"
              name="signin-person"
              id={`signin-person-${p.id}`}
              value={p.id}
              checked={p.id === selected}
              onChange={() => onSelect(p.id)}
              autoFocus={autoFocus && p.id === focusId}
            />
            <span className="person__avatar" aria-hidden="true">
              {initials(p.name)}
            </span>
            <span className="person__text">
              <span className="person__name">{p.name}</span>
              <span className="person__role">{t(roleLabelKey(p.role))}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id="signin-person-error" className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * Search by place name in the platform's own data (districts, car parks, projects): no geocoder and
 * no request to another host. Choosing a result switches its layer on and selects it on the map.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fold, type Item } from './items';

const MAX_RESULTS = 10;

export function PlaceSearch(props: {
  /** The searchable items, or undefined while they load. */
  items: readonly Item[] | undefined;
  /** Called at the first search, so the searchable layers load even when they are switched off. */
  onStart: () => void;
  onChoose: (item: Item) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onStart();
    setQuery(text.trim());
  };
  const needle = fold(query);
  const results = query && props.items ? props.items.filter((i) => fold(i.name).includes(needle)).slice(0, MAX_RESULTS) : [];

  return (
    <form className="geoportal__search" role="search" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('geoportal.search.label')}</label>
        <p id={`${id}-hint`} className="field__hint">
          {t('geoportal.search.hint')}
        </p>
        <div className="geoportal__search-row">
          <input
            id={`${id}-q`}
            type="text"
            enterKeyHint="search"
            value={text}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button button--secondary">
            {t('geoportal.search.submit')}
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {!query ? null : !props.items ? (
          <p>{t('geoportal.search.loading')}</p>
        ) : results.length === 0 ? (
          <p>{t('geoportal.search.none', { q: query })}</p>
        ) : (
          <>
            <p>{t('geoportal.search.results', { count: results.length })}</p>
            <ul className="geoportal__results">
              {results.map((item) => (
                <li key={item.key}>
                  <button type="button" className="button button--link" onClick={() => props.onChoose(item)}>
                    {item.name}
                  </button>{' '}
                  <span className="geoportal__layer-state">({t(`geoportal.layers.${item.layer}`)})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </form>
  );
}

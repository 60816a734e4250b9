/**
 * The list beside the map: every feature in the map view (or, without a map, of the layers switched
 * on), with its layer, name, state in words and facts. Arrow keys move between the rows' buttons;
 * a button selects the feature, which opens its popup on the map.
 */
import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { classText, type Item } from './items';

/** More rows would make the page slow and the list useless; the caption says how many there are. */
const MAX_ROWS = 300;

export function FeatureTable(props: {
  items: readonly Item[];
  inView: boolean;
  selected: string | null;
  onSelect: (key: string) => void;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const hintId = useId();
  const shown = props.items.slice(0, MAX_ROWS);

  // Roving between the rows: up and down go to the neighbouring row's button, Home and End to the ends.
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-row]')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus();
  };

  if (!props.items.length) return <p className="geoportal__empty">{t('geoportal.list.none')}</p>;
  return (
    <>
      <p id={hintId} className="field__hint">
        {t('geoportal.list.hint')}
      </p>
      {shown.length < props.items.length ? (
        <p>{t('geoportal.list.more', { shown: shown.length, count: props.items.length })}</p>
      ) : null}
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="geoportal__table">
          <caption id={captionId}>
            {t(props.inView ? 'geoportal.list.caption' : 'geoportal.list.captionAll', { count: props.items.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('geoportal.list.name')}</th>
              <th scope="col">{t('geoportal.list.layer')}</th>
              <th scope="col">{t('geoportal.list.state')}</th>
              <th scope="col">{t('geoportal.list.facts')}</th>
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {shown.map((item) => (
              <tr key={item.key} data-layer={item.layer} aria-current={item.key === props.selected || undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="button button--link"
                    data-row
                    aria-pressed={item.key === props.selected}
                    onClick={() => props.onSelect(item.key)}
                  >
                    {item.name}
                  </button>
                </th>
                <td>{t(`geoportal.layers.${item.layer}`)}</td>
                <td>
                  <span className="geoportal__swatch" style={{ backgroundColor: item.legend.colour }} aria-hidden="true">
                    {item.legend.symbol}
                  </span>
                  {classText(t, item.legend)}
                </td>
                <td>{item.facts.join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

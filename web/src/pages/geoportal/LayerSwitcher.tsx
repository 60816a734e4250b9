/** The layer switcher: one checkbox per layer, and under each layer switched on its legend (symbol, colour and word). */
import { useTranslation } from 'react-i18next';
import { LAYER_IDS, LAYERS, type LayerId } from './layers';
import type { LayerData } from './useLayerFeatures';

export function LayerSwitcher(props: {
  active: readonly LayerId[];
  data: Partial<Record<LayerId, LayerData>>;
  failed: readonly LayerId[];
  onToggle: (layer: LayerId, on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="checkbox-group geoportal__layers">
      <legend>{t('geoportal.layers.legend')}</legend>
      <p className="field__hint">{t('geoportal.layers.hint')}</p>
      <ul className="geoportal__layer-list">
        {LAYER_IDS.map((id) => {
          const on = props.active.includes(id);
          const loaded = props.data[id];
          const state = !on
            ? ''
            : props.failed.includes(id)
              ? t('geoportal.layers.failed')
              : loaded
                ? t('geoportal.layers.count', { count: loaded.features.length })
                : t('geoportal.layers.loading');
          return (
            <li key={id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  name="ebene"
                  value={id}
                  checked={on}
                  onChange={(e) => props.onToggle(id, e.target.checked)}
                />
                <span>
                  {t(`geoportal.layers.${id}`)}
                  {state ? <span className="geoportal__layer-state"> ({state})</span> : null}
                </span>
              </label>
              {on ? (
                <ul className="geoportal__legend" aria-label={t(`geoportal.layers.${id}`)}>
                  {LAYERS[id].classes.map((c) => (
                    <li key={c.key}>
                      <span className="geoportal__swatch" style={{ backgroundColor: c.colour }} aria-hidden="true">
                        {c.symbol}
                      </span>
                      {t(c.text)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/**
 * The GeoPortal map with its layer switcher and legend, place search, the selected feature and the
 * list of what is in view. Used by the page (/geoportal) and the embeddable map (/einbetten/karte);
 * its whole state — view, layers, selection — lives in the URL (state.ts), so every view has a link.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MapView, type MapFeature, type MapViewState } from '../../components/map/MapView';
import { FeatureTable } from './FeatureTable';
import { classText, inBounds, toItem, type Item } from './items';
import { LAYER_IDS, LAYERS, type LayerId } from './layers';
import { LayerSwitcher } from './LayerSwitcher';
import { PlaceSearch } from './PlaceSearch';
import { readState, writeState } from './state';
import { useLayerFeatures } from './useLayerFeatures';
import './i18n';
import './geoportal.css';

const SEARCHABLE = LAYER_IDS.filter((id) => LAYERS[id].searchable);

export function GeoPortal({ embedded = false }: { embedded?: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const urlState = readState(params);
  // The layer list answers a click at once. The URL follows in a navigation that React may render
  // later (a transition); a controlled checkbox bound to the URL alone would spring back meanwhile.
  const [clickedLayers, setClickedLayers] = useState<LayerId[] | null>(null);
  useEffect(() => setClickedLayers(null), [urlState.layers.join()]);
  const state = { ...urlState, layers: clickedLayers ?? urlState.layers };
  // The URL's view is where the map starts; afterwards the map reports its moves into the URL.
  const [initialView] = useState(state.view);
  const [bounds, setBounds] = useState<MapViewState['bounds'] | null>(null);
  const [searching, setSearching] = useState(false);

  const needed = useMemo(
    () => LAYER_IDS.filter((id) => state.layers.includes(id) || (searching && SEARCHABLE.includes(id))),
    [state.layers.join(), searching],
  );
  const { data, failed } = useLayerFeatures(needed);

  const itemsOf = useCallback(
    (layers: readonly LayerId[]) => layers.flatMap((layer) => (data[layer]?.features ?? []).map((f) => toItem(layer, f, t))),
    [data, t],
  );
  const items = useMemo(() => itemsOf(state.layers), [itemsOf, state.layers.join()]);
  const searchItems = useMemo(() => (SEARCHABLE.every((id) => data[id]) ? itemsOf(SEARCHABLE) : undefined), [itemsOf, data]);
  const visible = useMemo(() => items.filter((i) => inBounds(i, bounds)), [items, bounds]);
  const features = useMemo<MapFeature[]>(
    () => items.flatMap((i) => i.points.map(([lng, lat]) => ({ id: i.key, lng, lat, label: i.name, colour: i.legend.colour }))),
    [items],
  );
  const selected = items.find((i) => i.key === state.selected) ?? null;

  const update = useCallback(
    (change: Parameters<typeof writeState>[1]) => setParams((prev) => writeState(prev, change), { replace: true }),
    [setParams],
  );
  // The view goes into the URL once the map has settled. Written at once, a move reported right
  // after a click on a layer would build on the URL from before that click (react-router hands quick
  // successive updates the same old value) and switch the layer back.
  const viewTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(viewTimer.current), []);
  const onViewChange = useCallback(
    (view: MapViewState) => {
      setBounds(view.bounds);
      clearTimeout(viewTimer.current);
      viewTimer.current = setTimeout(() => update({ view: { lat: view.centre.lat, lon: view.centre.lng, zoom: view.zoom } }), 300);
    },
    [update],
  );
  const toggle = (layer: LayerId, on: boolean) => {
    const layers = on ? [...state.layers.filter((l) => l !== layer), layer] : state.layers.filter((l) => l !== layer);
    setClickedLayers(layers);
    update({
      layers,
      // A selection on a layer switched off goes with it.
      ...(!on && state.selected?.startsWith(`${layer}:`) ? { selected: null } : {}),
    });
  };
  const choose = (item: Item) =>
    update({ layers: state.layers.includes(item.layer) ? state.layers : [...state.layers, item.layer], selected: item.key });

  const linkProps = embedded ? { target: '_blank', rel: 'noopener' } : {};
  const table = (
    <FeatureTable
      items={visible}
      inView={bounds !== null}
      selected={state.selected}
      onSelect={(key) => update({ selected: key })}
    />
  );
  const controls = (
    <div className="geoportal__controls">
      <LayerSwitcher active={state.layers} data={data} failed={failed} onToggle={toggle} />
      <PlaceSearch items={searchItems} onStart={() => setSearching(true)} onChoose={choose} />
    </div>
  );
  return (
    <div className="geoportal" data-active-layers={state.layers.join(',')}>
      {embedded ? null : controls}
      <div className="geoportal__main">
        <section className="geoportal__selected" aria-live="polite" aria-label={t('geoportal.selected.heading')}>
          {selected ? (
            <>
              <h2 className="geoportal__selected-title">
                {t('geoportal.selected.heading')}: {selected.name}
              </h2>
              <p>
                {t(`geoportal.layers.${selected.layer}`)}
                {' · '}
                <span className="geoportal__swatch" style={{ backgroundColor: selected.legend.colour }} aria-hidden="true">
                  {selected.legend.symbol}
                </span>
                {classText(t, selected.legend)}
              </p>
              {selected.facts.length ? <p>{selected.facts.join(' · ')}</p> : null}
              <p className="actions">
                {selected.page ? (
                  <a href={selected.page} {...linkProps}>
                    {t('geoportal.selected.open')}
                  </a>
                ) : null}
                <button type="button" className="button button--secondary" onClick={() => update({ selected: null })}>
                  {t('geoportal.selected.clear')}
                </button>
              </p>
            </>
          ) : null}
        </section>
        <MapView
          label={t('geoportal.mapLabel')}
          features={features}
          selectedId={state.selected}
          onSelect={(key) => update({ selected: key })}
          fitToFeatures={false}
          onViewChange={onViewChange}
          popup={
            selected
              ? {
                  title: selected.name,
                  lines: [`${t(`geoportal.layers.${selected.layer}`)}: ${classText(t, selected.legend)}`, ...selected.facts],
                }
              : null
          }
          {...(initialView ? { centre: { lat: initialView.lat, lng: initialView.lon }, zoom: initialView.zoom } : {})}
          alternative={
            <>
              {state.layers
                .filter((id) => data[id]?.truncated)
                .map((id) => (
                  <p key={id}>{t('geoportal.list.truncated', { layer: t(`geoportal.layers.${id}`) })}</p>
                ))}
              {embedded ? (
                // In an iframe the map and its legend come first; the list is one click away.
                <details className="geoportal__list-toggle">
                  <summary>{t('geoportal.list.show', { count: visible.length })}</summary>
                  {table}
                </details>
              ) : (
                table
              )}
            </>
          }
        />
      </div>
      {embedded ? controls : null}
    </div>
  );
}

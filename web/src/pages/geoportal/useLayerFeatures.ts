/**
 * Loads the features of the GeoPortal's layers from the platform's OGC API – Features endpoint,
 * page by page along the `next` links, and reloads the layers shown every minute (car park
 * occupancy and fill levels change) while the tab is visible.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { LayerId, OgcFeature } from './layers';

/** The API's largest page, and how many pages one layer may take (the list says when there is more). */
const PAGE = 1000;
const MAX_PAGES = 5;
const REFRESH_MS = 60_000;

export interface LayerData {
  features: OgcFeature[];
  /** More features exist than were loaded. */
  truncated: boolean;
}

interface Page {
  features: OgcFeature[];
  links: { rel: string; href: string }[];
}

async function loadLayer(id: LayerId, signal: AbortSignal): Promise<LayerData> {
  const features: OgcFeature[] = [];
  let path: string | null = `/ogc/collections/${id}/items?limit=${PAGE}`;
  for (let page = 0; path && page < MAX_PAGES; page++) {
    const answer: Page = await api<Page>(path, { signal });
    features.push(...answer.features);
    const next = answer.links.find((l) => l.rel === 'next');
    // Links are absolute (PUBLIC_URL); this origin serves the same path.
    path = next ? new URL(next.href).pathname + new URL(next.href).search : null;
  }
  return { features, truncated: path !== null };
}

export function useLayerFeatures(layers: readonly LayerId[]) {
  const [data, setData] = useState<Partial<Record<LayerId, LayerData>>>({});
  const [failed, setFailed] = useState<LayerId[]>([]);
  const [tick, setTick] = useState(0);
  // Which refresh round each layer was last requested in: switching a layer on loads only that layer.
  const requested = useRef(new Map<LayerId, { tick: number; signal: AbortSignal }>());
  const unmounted = useRef(new AbortController());
  const key = [...layers].sort().join(',');

  useEffect(() => {
    const controller = new AbortController();
    unmounted.current = controller;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setTick((n) => n + 1);
    }, REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, []);

  useEffect(() => {
    const { signal } = unmounted.current;
    for (const id of layers) {
      const last = requested.current.get(id);
      if (last && last.tick === tick && !last.signal.aborted) continue;
      requested.current.set(id, { tick, signal });
      loadLayer(id, signal)
        .then((result) => {
          setData((d) => ({ ...d, [id]: result }));
          setFailed((f) => f.filter((x) => x !== id));
        })
        .catch(() => {
          if (!signal.aborted) setFailed((f) => (f.includes(id) ? f : [...f, id]));
        });
    }
    // `key` stands for the set of layers.
  }, [key, tick]);

  return { data, failed };
}

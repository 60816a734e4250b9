/**
 * All tiles from one request, polled every minute (the fallback for every tile), and the parking
 * tile kept live between polls by the car parks' event stream. A hidden tab does not poll.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { applyParkingChange } from './live';
import type { ParkingChange, Tile } from './types';

const POLL_MS = 60_000;

export function useDashboardTiles(): { tiles: Tile[] | undefined; error: unknown } {
  const [tiles, setTiles] = useState<Tile[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      const signal = controller.signal;
      api<{ tiles: Tile[] }>('/api/dashboard/tiles', { signal })
        .then((res) => {
          setTiles(res.tiles);
          setError(null);
        })
        .catch((err: unknown) => {
          // Keep showing the last tiles (their freshness says how old they are) when a poll fails.
          if (!signal.aborted) setError(err);
        });
    };
    load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisible);

    const events = typeof EventSource === 'undefined' ? null : new EventSource('/api/parking/events');
    events?.addEventListener('change', (event) => {
      try {
        const change = JSON.parse((event as MessageEvent<string>).data) as ParkingChange;
        setTiles((current) => (current ? applyParkingChange(current, change) : current));
      } catch {
        // A malformed event is dropped; the next poll brings the state.
      }
    });

    return () => {
      controller.abort();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      events?.close();
    };
  }, []);

  return { tiles, error };
}

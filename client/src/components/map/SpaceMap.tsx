import type { ClientConfig, SpaceSummary } from '@landraeume/shared';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './space-map.css';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';

/** The district's middle, for a search without results. */
const DISTRICT_CENTRE: L.LatLngTuple = [51.86, 7.3];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Leaflet on the start page, loaded only when someone opens the map. Markers are buttons with the
 * space's name, reachable by Tab; the list of the same spaces below stays the way to reach them
 * without a pointer or when the tiles cannot load.
 */
export default function SpaceMap({ spaces, tiles, label }: { spaces: SpaceSummary[]; tiles: ClientConfig['map']; label: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const holder = useRef<HTMLDivElement>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  const [map, setMap] = useState<L.Map>();

  useEffect(() => {
    const created = L.map(holder.current!, { center: DISTRICT_CENTRE, zoom: 10, scrollWheelZoom: false, zoomControl: false });
    L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(created);
    created.attributionControl.setPrefix(false);
    L.tileLayer(tiles.tileUrl, { attribution: escapeHtml(tiles.attribution), maxZoom: 18 })
      .on('tileerror', () => setTilesFailed(true))
      .addTo(created);
    setMap(created);
    return () => {
      created.remove();
    };
  }, [tiles, t]);

  useEffect(() => {
    if (!map) return;
    const layer = L.layerGroup().addTo(map);
    for (const space of spaces) {
      const free = space.freeUnits === null ? '' : ` · ${t('space.freeUnits', { count: space.freeUnits })}`;
      const name = `${space.name}, ${space.municipality}${free}`;
      const marker = L.marker([space.location.lat, space.location.lon], {
        title: name,
        keyboard: true,
        icon: L.divIcon({ className: `map-pin${space.freeUnits === 0 ? ' map-pin-full' : ''}`, html: '<span aria-hidden="true"></span>', iconSize: [26, 26], iconAnchor: [13, 26], popupAnchor: [0, -24] }),
      });
      const popup = document.createElement('div');
      popup.className = 'map-popup';
      const link = document.createElement('a');
      link.href = `/raeume/${space.slug}`;
      link.textContent = space.name;
      // Inside the SPA, without reloading the page.
      link.addEventListener('click', (event) => {
        event.preventDefault();
        navigate(`/raeume/${space.slug}`);
      });
      const meta = document.createElement('p');
      meta.textContent = `${space.municipality}${free}`;
      popup.append(link, meta);
      marker.bindPopup(popup).addTo(layer);
      marker.getElement()?.setAttribute('aria-label', name);
    }
    if (spaces.length) map.fitBounds(L.latLngBounds(spaces.map((s) => [s.location.lat, s.location.lon] as L.LatLngTuple)), { padding: [30, 30], maxZoom: 14 });
    return () => {
      layer.remove();
    };
  }, [map, spaces, t, navigate]);

  return (
    <div className="space-map">
      <div ref={holder} className="space-map-canvas" role="region" aria-label={label} />
      {tilesFailed && <p className="hint">{t('map.tilesFailed')}</p>}
    </div>
  );
}

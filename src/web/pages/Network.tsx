import cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, type MergedEvent } from '../api.ts';
import { ErrorBox, EventLine, Loading, useAsync } from '../components/ui.tsx';
import { buildNetwork, RELATIONS, type NetEdge, type Relation } from '../network.ts';

const COLORS: Record<Relation, string> = { consults: '#2f6fb3', pressures: '#d08a1a', attacks: '#c0392b', releases: '#2e8b57' };

/** Who consults, pressures, attacks or releases whom; edges weighted by event counts. */
export function NetworkPage() {
  const all = useAsync(() => api.allEvents({}, 5000), []);
  const [shown, setShown] = useState<Set<Relation>>(new Set(RELATIONS));
  const [picked, setPicked] = useState<NetEdge | null>(null);
  const box = useRef<HTMLDivElement | null>(null);
  const net = useMemo(() => buildNetwork(all.value ?? []), [all.value]);
  const byId = useMemo(() => new Map<string, MergedEvent>((all.value ?? []).map((e) => [e.id, e])), [all.value]);

  useEffect(() => {
    if (!box.current || net.edges.length === 0) return;
    const edges = net.edges.filter((e) => shown.has(e.relation));
    const used = new Set(edges.flatMap((e) => [e.source, e.target]));
    const max = Math.max(1, ...edges.map((e) => e.events.length));
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...net.nodes.filter((n) => used.has(n.id)).map((n) => ({ data: { id: n.id, label: n.label, weight: n.events } })),
        ...edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, relation: e.relation, weight: e.events.length, label: String(e.events.length) } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'background-color': '#44546a',
            color: '#1d2733',
            'font-size': 12,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            width: 'mapData(weight, 1, 30, 18, 48)',
            height: 'mapData(weight, 1, 30, 18, 48)',
          },
        },
        {
          selector: 'edge',
          style: {
            width: `mapData(weight, 1, ${Math.max(2, max)}, 1.5, 10)`,
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            opacity: 0.8,
            label: 'data(label)',
            'font-size': 10,
            color: '#555',
            'text-background-color': '#fff',
            'text-background-opacity': 0.8,
          },
        },
        ...RELATIONS.map((r) => ({ selector: `edge[relation = "${r}"]`, style: { 'line-color': COLORS[r], 'target-arrow-color': COLORS[r] } })),
        { selector: 'edge[relation = "consults"]', style: { 'target-arrow-shape': 'none' } },
        { selector: ':selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#000' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 600000, nodeOverlap: 40, idealEdgeLength: () => 170, componentSpacing: 120, gravity: 0.5, padding: 40 } as cytoscape.LayoutOptions,
      maxZoom: 1.4,
      minZoom: 0.2,
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'edge', (e) => {
      const id = e.target.id() as string;
      setPicked(net.edges.find((x) => x.id === id) ?? null);
    });
    return () => cy.destroy();
  }, [net, shown]);

  if (all.error) return <ErrorBox error={all.error} />;
  if (all.loading) return <Loading what="events" />;
  const toggle = (r: Relation) => {
    const s = new Set(shown);
    if (s.has(r)) s.delete(r);
    else s.add(r);
    setShown(s);
  };
  const name = (key: string) => net.nodes.find((n) => n.id === key)?.label ?? key;
  return (
    <div className="page">
      <div className="filters">
        {RELATIONS.map((r) => (
          <label key={r} className="rel">
            <input type="checkbox" checked={shown.has(r)} onChange={() => toggle(r)} />
            <span className="swatch" style={{ background: COLORS[r] }} /> {r} ({net.edges.filter((e) => e.relation === r).reduce((n, e) => n + e.events.length, 0)})
          </label>
        ))}
        <span className="muted">Edge width and label: number of events. Click an edge to list its events.</span>
      </div>
      {net.edges.length === 0 ? <p className="muted">No consultations, pressure, attacks or releases between named actors yet.</p> : null}
      <div ref={box} className="network" data-testid="network" />
      {picked ? (
        <section>
          <h3>
            {name(picked.source)} {picked.relation} {name(picked.target)}
          </h3>
          <div className="event-lines">
            {picked.events
              .map((id) => byId.get(id))
              .filter((e): e is MergedEvent => e !== undefined)
              .map((ev) => (
                <EventLine key={ev.id} ev={ev} />
              ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}

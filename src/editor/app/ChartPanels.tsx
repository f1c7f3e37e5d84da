/**
 * A business flow chart's palette and properties: the four symbols and 添加泳道; the selected
 * symbol or flow (name, copies, unit, condition); with nothing selected, the whole chart (title
 * block, lane order and names, orientation). Every change runs a command.
 */
import { useId, useState } from 'react';
import type { BfcDocument, BfcNodeKind } from '@schemas/bfc.ts';
import type { Messages } from '../i18n.ts';
import type { Commands } from '../commands/registry.ts';
import type { CommandId } from '../commands/ids.ts';
import type { Selection } from '../model/editor.ts';
import { orientationOf, laneSpans, pinned } from '../model/bfc.ts';
import { TextField } from '../panels/Inspector.tsx';

const KINDS: ReadonlyArray<[BfcNodeKind, CommandId]> = [
  ['process', 'add-process'],
  ['form', 'add-form'],
  ['store', 'add-store'],
  ['collect', 'add-collect'],
];

/** The palette: 添加泳道, then the four symbols (a click adds one in the selected symbol's lane; a drag drops it where it lands). */
export function ChartPalette({ t, commands, dragMime }: { t: Messages; commands: Commands; dragMime: string }) {
  return (
    <div className="fb-palette fb-palette--chart" role="group" aria-label={t.bfc.palette}>
      <button
        type="button"
        className="fb-palette__item fb-palette__item--lane"
        onClick={(e) => {
          e.currentTarget.blur();
          commands.run('add-lane');
        }}
      >
        <span className="fb-palette__icon fb-palette__icon--lane" aria-hidden="true" />
        {t.bfc.addLane}
      </button>
      {KINDS.map(([k, id]) => (
        <button
          key={k}
          type="button"
          className={`fb-palette__item fb-palette__item--bfc-${k}`}
          draggable
          title={`${t.bfc.kindHints[k]}。${t.paletteHint}`}
          onClick={(e) => {
            e.currentTarget.blur();
            commands.run(id);
          }}
          onDragStart={(e) => {
            e.dataTransfer.setData(dragMime, k);
            e.dataTransfer.effectAllowed = 'move';
          }}
        >
          <span className={`fb-palette__icon fb-palette__icon--bfc-${k}`} aria-hidden="true" />
          {t.bfc.kinds[k]}
        </button>
      ))}
    </div>
  );
}

function NumberField({ label, value, min, onCommit }: { label: string; value: number | undefined; min: number; onCommit(v: number | undefined): void }) {
  const id = useId();
  const commit = (raw: string) => {
    const v = raw.trim() === '' ? undefined : Number(raw);
    if (v === value || (v !== undefined && (!Number.isInteger(v) || v < min))) return;
    onCommit(v);
  };
  return (
    <div className="fb-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        key={value ?? ''}
        type="number"
        inputMode="numeric"
        min={min}
        step={1}
        defaultValue={value ?? ''}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit((e.target as HTMLInputElement).value);
          }
        }}
      />
    </div>
  );
}

/** The properties of the chart, or of the selected symbol or flow. */
export function ChartInspector({ doc, selection, t, commands }: { doc: BfcDocument; selection: Selection; t: Messages; commands: Commands }) {
  const [target, setTarget] = useState('');
  const [dir, setDir] = useState<'out' | 'in'>('out');
  const ids = { dir: useId(), target: useId(), lane: useId(), orient: useId(), cond: useId() };
  const count = selection.nodes.length + selection.flows.length;
  const nodeName = (id: string) => {
    const n = doc.nodes.find((x) => x.id === id);
    return n ? `${t.bfc.kinds[n.kind]} ${n.label || t.blank}` : id;
  };
  if (count > 1)
    return (
      <div>
        <p>{t.manySelected(count)}</p>
        <button type="button" className="fb-btn" onClick={() => commands.run('delete-selection')}>
          {t.deleteSelection}
        </button>
      </div>
    );
  const node = doc.nodes.find((n) => n.id === selection.nodes[0]);
  if (node) {
    const others = doc.nodes.filter((n) => n.id !== node.id);
    const set = (patch: Record<string, unknown>) => commands.run('update-element', { chartElement: { kind: 'node', id: node.id, patch } });
    return (
      <div className="fb-inspector" key={node.id}>
        <p className="fb-inspector__kind">{t.bfc.kinds[node.kind]}</p>
        <TextField label={t.label} value={node.label} onCommit={(v) => set({ label: v })} />
        <div className="fb-field">
          <label htmlFor={ids.lane}>{t.bfc.laneOf}</label>
          <select id={ids.lane} value={node.lane ?? ''} onChange={(e) => set({ lane: e.target.value || undefined })}>
            <option value="">{t.bfc.noLane}</option>
            {doc.lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label || t.blank}
              </option>
            ))}
          </select>
        </div>
        {node.kind === 'form' ? <NumberField label={t.bfc.copies} value={node.copies ?? 1} min={1} onCommit={(v) => set({ copies: v })} /> : null}
        {others.length ? (
          <fieldset className="fb-connect">
            <legend>{t.bfc.addFlow}</legend>
            <div className="fb-field">
              <label htmlFor={ids.dir}>{t.kind}</label>
              <select id={ids.dir} value={dir} onChange={(e) => setDir(e.target.value as 'out' | 'in')}>
                <option value="out">{t.bfc.addFlowTo}</option>
                <option value="in">{t.bfc.addFlowFrom}</option>
              </select>
            </div>
            <div className="fb-field">
              <label htmlFor={ids.target}>{t.chooseNode}</label>
              <select id={ids.target} value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">—</option>
                {others.map((n) => (
                  <option key={n.id} value={n.id}>
                    {nodeName(n.id)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="fb-btn"
              disabled={!target}
              onClick={() => {
                if (!target) return;
                commands.run('connect', dir === 'out' ? { from: node.id, to: target } : { from: target, to: node.id });
                setTarget('');
              }}
            >
              {t.bfc.addFlow}
            </button>
          </fieldset>
        ) : null}
      </div>
    );
  }
  const flow = doc.flows.find((f) => f.id === selection.flows[0]);
  if (flow) {
    const set = (patch: Record<string, unknown>) => commands.run('update-element', { chartElement: { kind: 'flow', id: flow.id, patch } });
    return (
      <div className="fb-inspector" key={flow.id}>
        <p className="fb-inspector__kind">{t.bfc.flow}</p>
        <TextField label={t.bfc.flowLabel} value={flow.label ?? ''} onCommit={(v) => set({ label: v })} />
        <TextField label={t.bfc.condition} value={flow.condition ?? ''} placeholder={t.bfc.conditionHint} onCommit={(v) => set({ condition: v.trim() })} />
        <dl className="fb-inspector__ends">
          <dt>{t.bfc.from}</dt>
          <dd>{nodeName(flow.from)}</dd>
          <dt>{t.bfc.to}</dt>
          <dd>{nodeName(flow.to)}</dd>
        </dl>
        <button type="button" className="fb-btn fb-btn--small" onClick={() => commands.run('reverse-flow', { focusedFlow: flow.id })}>
          {t.commandNames['reverse-flow']}
        </button>
      </div>
    );
  }
  // Nothing selected: the chart itself.
  const o = orientationOf(doc);
  const tb = doc.titleBlock ?? {};
  const setTb = (patch: Record<string, unknown>) => commands.run('update-title-block', { titleBlock: patch });
  const sizes = new Map(laneSpans(pinned(doc)).map((s) => [s.lane.id, Math.round(s.end - s.start)]));
  return (
    <div className="fb-inspector fb-chart-props">
      <p className="fb-inspector__kind">{t.bfc.chart}</p>
      <p className="fb-muted">{t.nothingSelected}</p>
      <TextField label={t.bfc.chartTitle} value={doc.title ?? ''} onCommit={(v) => setTb({ title: v })} />
      <div className="fb-field">
        <label htmlFor={ids.orient}>{t.bfc.orientation}</label>
        <select id={ids.orient} value={o} onChange={(e) => commands.run('set-orientation', { orientation: e.target.value as 'columns' | 'rows' })}>
          <option value="columns">{t.bfc.columns}</option>
          <option value="rows">{t.bfc.rows}</option>
        </select>
      </div>
      <fieldset className="fb-lanes">
        <legend>{t.bfc.lanes}</legend>
        {doc.lanes.length === 0 ? <p className="fb-muted">{t.bfc.noLanes}</p> : <p className="fb-muted">{t.bfc.laneHint}</p>}
        <ol className="fb-lanes__list">
          {doc.lanes.map((l, i) => (
            <li key={l.id} className="fb-lanes__item" data-lane={l.id}>
              <TextField label={`${t.bfc.laneName} ${i + 1}`} value={l.label} onCommit={(v) => commands.run('update-lane', { lane: { id: l.id, patch: { label: v.trim() } } })} />
              <NumberField
                label={`${t.bfc.laneSize(o)} ${i + 1}`}
                value={sizes.get(l.id)}
                min={120}
                onCommit={(v) => v !== undefined && commands.run('update-lane', { lane: { id: l.id, patch: { size: v } } })}
              />
              <label className="fb-check">
                <input type="checkbox" checked={!!l.external} onChange={(e) => commands.run('update-lane', { lane: { id: l.id, patch: { external: e.target.checked } } })} />
                {t.bfc.external}
                <span className="fb-visually-hidden">：{l.label}</span>
              </label>
              <div className="fb-lanes__actions">
                <button type="button" className="fb-btn fb-btn--small" disabled={i === 0} onClick={() => commands.run('move-lane', { lane: { id: l.id, by: -1 } })}>
                  {t.bfc.moveBack(o)}
                  <span className="fb-visually-hidden">：{l.label}</span>
                </button>
                <button
                  type="button"
                  className="fb-btn fb-btn--small"
                  disabled={i === doc.lanes.length - 1}
                  onClick={() => commands.run('move-lane', { lane: { id: l.id, by: 1 } })}
                >
                  {t.bfc.moveOn(o)}
                  <span className="fb-visually-hidden">：{l.label}</span>
                </button>
                <button type="button" className="fb-btn fb-btn--small" onClick={() => commands.run('delete-lane', { lane: { id: l.id } })}>
                  {t.bfc.deleteLane}
                  <span className="fb-visually-hidden">：{l.label}</span>
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" className="fb-btn fb-btn--small" onClick={() => commands.run('add-lane')}>
          {t.bfc.addLane}
        </button>
      </fieldset>
      <fieldset className="fb-titleblock">
        <legend>{t.bfc.titleBlock}</legend>
        <TextField label={t.bfc.business} value={tb.business ?? ''} onCommit={(v) => setTb({ business: v.trim() })} />
        <TextField label={t.bfc.drawnBy} value={tb.drawnBy ?? ''} onCommit={(v) => setTb({ drawnBy: v.trim() })} />
        <TextField label={t.bfc.reviewedBy} value={tb.reviewedBy ?? ''} onCommit={(v) => setTb({ reviewedBy: v.trim() })} />
        <TextField label={t.bfc.date} value={tb.date ?? ''} placeholder="2026-11-26" onCommit={(v) => setTb({ date: v.trim() })} />
        <div className="fb-titleblock__sheet">
          <NumberField label={t.bfc.sheet} value={tb.sheet} min={1} onCommit={(v) => setTb({ sheet: v })} />
          <NumberField label={t.bfc.sheets} value={tb.sheets} min={1} onCommit={(v) => setTb({ sheets: v })} />
        </div>
      </fieldset>
    </div>
  );
}

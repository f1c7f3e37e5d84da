import { memo, useId, useState } from 'react';
import type { DfdDiagram } from '@schemas/dfd.ts';
import type { Messages } from '../i18n.ts';
import type { Selection } from '../model/editor.ts';
import type { FlowPatch, NodePatch } from '../model/ops.ts';

interface Props {
  diagram: DfdDiagram;
  selection: Selection;
  t: Messages;
  onNode(id: string, patch: NodePatch): void;
  onFlow(id: string, patch: FlowPatch): void;
  onConnect(from: string, to: string): void;
  onDelete(): void;
  /** The shown diagram's boundary nodes → the parent node each repeats (null: not in the parent). */
  boundary: ReadonlyMap<string, string | null>;
  /** Shows the parent diagram with that node selected. */
  onOpenParent(parentNodeId: string): void;
}

/** A text field that commits on Enter or when left (one undo step per edit, not per key). */
export function TextField({ label, value, onCommit, placeholder }: { label: string; value: string; onCommit(v: string): void; placeholder?: string }) {
  const id = useId();
  return (
    <div className="fb-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        key={value}
        defaultValue={value}
        placeholder={placeholder}
        onBlur={(e) => e.target.value !== value && onCommit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            const v = (e.target as HTMLInputElement).value;
            if (v !== value) onCommit(v);
          }
        }}
      />
    </div>
  );
}

function nodeName(t: Messages, n: DfdDiagram['nodes'][number]): string {
  return [n.code, n.label || t.blank].filter(Boolean).join(' ');
}

function InspectorInner({ diagram, selection, t, onNode, onFlow, onConnect, onDelete, boundary, onOpenParent }: Props) {
  const [target, setTarget] = useState('');
  const [dir, setDir] = useState<'out' | 'in'>('out');
  const selId = useId();
  const dirId = useId();
  const count = selection.nodes.length + selection.flows.length;
  if (count === 0) return <p className="fb-muted">{t.nothingSelected}</p>;
  if (count > 1)
    return (
      <div>
        <p>{t.manySelected(count)}</p>
        <button type="button" className="fb-btn" onClick={onDelete}>
          {t.deleteSelection}
        </button>
      </div>
    );
  const node = diagram.nodes.find((n) => n.id === selection.nodes[0]);
  if (node) {
    const others = diagram.nodes.filter((n) => n.id !== node.id);
    return (
      <div className="fb-inspector" key={node.id}>
        <p className="fb-inspector__kind">{t.kindNames[node.kind]}</p>
        {boundary.has(node.id) ? (
          // A boundary node is the parent's element: shown, not edited here (renames come from the parent).
          <div className="fb-boundary-note">
            <dl className="fb-readonly">
              {node.code ? (
                <>
                  <dt>{t.code}</dt>
                  <dd>{node.code}</dd>
                </>
              ) : null}
              <dt>{t.label}</dt>
              <dd>{node.label || t.blank}</dd>
            </dl>
            <p>{t.boundaryNote(`${t.kindNames[node.kind]}「${nodeName(t, node)}」`)}</p>
            {boundary.get(node.id) ? (
              <button type="button" className="fb-btn fb-btn--small" onClick={() => onOpenParent(boundary.get(node.id)!)}>
                {t.openParent}
              </button>
            ) : null}
          </div>
        ) : (
          <>
            <TextField label={t.code} value={node.code ?? ''} onCommit={(v) => onNode(node.id, { code: v.trim() })} />
            <TextField label={t.label} value={node.label} onCommit={(v) => onNode(node.id, { label: v })} />
            {node.kind === 'process' ? <TextField label={t.owner} value={node.owner ?? ''} onCommit={(v) => onNode(node.id, { owner: v.trim() })} /> : null}
          </>
        )}
        {others.length ? (
          <fieldset className="fb-connect">
            <legend>{t.addFlow}</legend>
            <div className="fb-field">
              <label htmlFor={dirId}>{t.kind}</label>
              <select id={dirId} value={dir} onChange={(e) => setDir(e.target.value as 'out' | 'in')}>
                <option value="out">{t.addFlowTo}</option>
                <option value="in">{t.addFlowFrom}</option>
              </select>
            </div>
            <div className="fb-field">
              <label htmlFor={selId}>{t.chooseNode}</label>
              <select id={selId} value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">—</option>
                {others.map((n) => (
                  <option key={n.id} value={n.id}>
                    {t.kindNames[n.kind]} {nodeName(t, n)}
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
                if (dir === 'out') onConnect(node.id, target);
                else onConnect(target, node.id);
                setTarget('');
              }}
            >
              {t.addFlow}
            </button>
          </fieldset>
        ) : null}
      </div>
    );
  }
  const flow = diagram.flows.find((f) => f.id === selection.flows[0]);
  if (!flow) return null;
  const endName = (id: string) => {
    const n = diagram.nodes.find((x) => x.id === id);
    return n ? `${t.kindNames[n.kind]} ${nodeName(t, n)}` : id;
  };
  return (
    <div className="fb-inspector" key={flow.id}>
      <p className="fb-inspector__kind">{t.flow}</p>
      <TextField label={t.code} value={flow.code ?? ''} onCommit={(v) => onFlow(flow.id, { code: v.trim() })} />
      <TextField label={t.label} value={flow.label ?? ''} onCommit={(v) => onFlow(flow.id, { label: v })} />
      <dl className="fb-inspector__ends">
        <dt>{t.from}</dt>
        <dd>{endName(flow.from)}</dd>
        <dt>{t.to}</dt>
        <dd>{endName(flow.to)}</dd>
      </dl>
    </div>
  );
}

export const Inspector = memo(InspectorInner);

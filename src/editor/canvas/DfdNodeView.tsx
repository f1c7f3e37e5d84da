import { memo } from 'react';
import { Handle, Position, useConnection, type Node, type NodeProps } from '@xyflow/react';
import type { DfdNode } from '@schemas/dfd.ts';
import type { Notation } from '../../lib/dfd/export/geometry.ts';
import { InlineEdit } from './InlineEdit.tsx';
import { useCanvasActions, useMessages, type EditField } from './context.ts';

export type { Severity } from '../core.ts';
import type { Severity } from '../core.ts';
export interface Marker {
  severity: Severity;
  count: number;
}

export type DfdNodeData = {
  node: DfdNode;
  notation: Notation;
  width: number;
  height: number;
  marker?: Marker;
  editing?: EditField;
  /** Repeated from the parent diagram (a child's boundary): shown apart, not edited here. */
  boundary?: boolean;
  /** A process with a child diagram: a marker, and double-click opens the child. */
  hasChild?: boolean;
};
export type DfdRfNode = Node<DfdNodeData, 'dfd'>;

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

function Field({
  id,
  field,
  value,
  editing,
  className,
  label,
  editable = true,
}: {
  id: string;
  field: EditField;
  value: string;
  editing: boolean;
  className: string;
  label: string;
  editable?: boolean;
}) {
  const actions = useCanvasActions();
  const target = { kind: 'node' as const, id, field };
  if (editing) {
    return <InlineEdit value={value} label={label} className={className} onCommit={(v) => actions.commitEdit(target, v)} onCancel={() => actions.cancelEdit()} />;
  }
  return (
    <div
      className={className}
      onDoubleClick={(e) => {
        // Not editable here (a boundary node, or a process whose double-click opens its child):
        // the double-click goes on to the canvas.
        if (!editable) return;
        e.stopPropagation();
        actions.startEdit(target);
      }}
    >
      {value}
    </div>
  );
}

function DfdNodeViewInner({ data, selected }: NodeProps<DfdRfNode>) {
  const t = useMessages();
  const { node, notation, marker, editing, width, height, boundary, hasChild } = data;
  // The document's id (React Flow's own is escaped: canvas/elements.ts, rfId).
  const id = node.id;
  // Only a boolean is selected from the connection state, so nodes re-render once when a drag starts.
  const connecting = useConnection((c) => c.inProgress);
  const classes = [
    'fb-node',
    `fb-node--${node.kind}`,
    `fb-notation--${notation}`,
    selected ? 'is-selected' : '',
    marker ? `has-${marker.severity}` : '',
    connecting ? 'is-connecting' : '',
    boundary ? 'is-boundary' : '',
    hasChild ? 'has-child' : '',
  ].join(' ');
  const editable = !boundary && !hasChild;
  return (
    <div className={classes} style={{ width, height }}>
      <div className="fb-node__shape" aria-hidden="true" />
      {node.kind !== 'store' || notation === 'gane-sarson' || node.code ? (
        <Field id={id} field="code" value={node.code ?? ''} editing={editing === 'code'} className="fb-node__code" label={t.editCode} editable={editable} />
      ) : null}
      <Field id={id} field="label" value={node.label} editing={editing === 'label'} className="fb-node__label" label={t.editLabel} editable={editable} />
      {node.kind === 'process' ? (
        <Field id={id} field="owner" value={node.owner ?? ''} editing={editing === 'owner'} className="fb-node__owner" label={t.editOwner} editable={editable} />
      ) : null}
      {boundary ? (
        <span className="fb-node__tag" aria-hidden="true" title={t.boundaryNode}>
          {t.boundaryTag}
        </span>
      ) : null}
      {hasChild ? (
        <span className="fb-node__child" aria-hidden="true" title={t.hasChild}>
          ⊞
        </span>
      ) : null}
      {marker ? (
        <span className={`fb-node__badge fb-badge--${marker.severity}`} aria-hidden="true">
          {marker.severity === 'info' ? 'i' : '!'}
          {marker.count > 1 ? marker.count : ''}
        </span>
      ) : null}
      {SIDES.map((side) => (
        <Handle key={side} id={side} type="source" position={side} className="fb-handle" />
      ))}
      {/* While a flow is being drawn, the whole symbol is a drop target. */}
      <Handle id="in" type="target" position={Position.Top} className="fb-target" isConnectableStart={false} aria-hidden="true" />
    </div>
  );
}

export const DfdNodeView = memo(DfdNodeViewInner);

import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import type { DfdFlow } from '@schemas/dfd.ts';
import { flowGeometry, type FlowEnd } from '../notation/geometry.ts';
import { InlineEdit } from './InlineEdit.tsx';
import { useCanvasActions, useMessages, type EditField } from './context.ts';
import type { DfdNodeData, Marker } from './DfdNodeView.tsx';

export type FlowEdgeData = {
  flow: DfdFlow;
  offset: number;
  bend: number;
  marker?: Marker;
  editing?: EditField;
};
export type FlowRfEdge = Edge<FlowEdgeData, 'flow'>;

function end(n: InternalNode): FlowEnd {
  const d = n.data as DfdNodeData;
  const width = n.measured.width ?? d.width;
  const height = n.measured.height ?? d.height;
  return {
    center: { x: n.internals.positionAbsolute.x + width / 2, y: n.internals.positionAbsolute.y + height / 2 },
    box: { width, height },
    round: d.notation === 'yourdon' && d.node.kind === 'process',
  };
}

function FlowEdgeInner({ id, source, target, data, selected, markerEnd }: EdgeProps<FlowRfEdge>) {
  const t = useMessages();
  const actions = useCanvasActions();
  const a = useInternalNode(source);
  const b = useInternalNode(target);
  if (!a || !b || !data) return null;
  const seg = flowGeometry(end(a), end(b), data.offset, data.bend);
  const path = seg.path;
  const { flow, marker, editing } = data;
  const text = [flow.code, flow.label].filter(Boolean).join(' ');
  const cls = ['fb-flow-label', 'nodrag', 'nopan', selected ? 'is-selected' : '', marker ? `has-${marker.severity}` : ''].join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={marker ? `fb-flow has-${marker.severity}` : 'fb-flow'} />
      <EdgeLabelRenderer>
        <div
          className={cls}
          style={{ transform: `translate(-50%, -50%) translate(${seg.mid.x}px, ${seg.mid.y}px)` }}
          onClick={(e) => actions.select('flow', id, e.shiftKey || e.metaKey || e.ctrlKey)}
          onDoubleClick={(e) => {
            e.stopPropagation();
            actions.startEdit({ kind: 'flow', id, field: 'label' });
          }}
        >
          {editing ? (
            <InlineEdit
              value={editing === 'code' ? flow.code ?? '' : flow.label ?? ''}
              label={editing === 'code' ? t.editCode : t.editLabel}
              onCommit={(v) => actions.commitEdit({ kind: 'flow', id, field: editing }, v)}
              onCancel={() => actions.cancelEdit()}
            />
          ) : text ? (
            <>
              {flow.code ? (
                <span
                  className="fb-flow-label__code"
                  onDoubleClick={(e) => {
                    e.stopPropagation();
                    actions.startEdit({ kind: 'flow', id, field: 'code' });
                  }}
                >
                  {flow.code}
                </span>
              ) : null}
              {flow.label ? <span className="fb-flow-label__text">{flow.label}</span> : null}
            </>
          ) : (
            <span className="fb-flow-label__empty" aria-hidden="true">
              …
            </span>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const FlowEdge = memo(FlowEdgeInner);

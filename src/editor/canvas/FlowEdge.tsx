import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import type { DfdFlow } from '@schemas/dfd.ts';
import { FLOW_LABEL_HEIGHT, flowGeometry, flowLabelWidth, type FlowEnd } from '../../lib/dfd/export/geometry.ts';
import { InlineEdit } from './InlineEdit.tsx';
import { useCanvasActions, useMessages, type EditField } from './context.ts';
import type { DfdNodeData, Marker } from './DfdNodeView.tsx';

export type FlowEdgeData = {
  flow: DfdFlow;
  offset: number;
  bend: number;
  /** Where the label goes along the flow (flowLabelSpots: clear of symbols); absent: the middle. */
  labelT?: number;
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

/**
 * A data flow: a line (or a bow round symbols in the way) with its code and name on it. The label
 * is SVG, like the line (hundreds of HTML labels would each be a layer to composite on every drag
 * frame); only while it is being edited does an HTML field sit over it.
 */
function FlowEdgeInner({ id, source, target, data, selected, markerEnd }: EdgeProps<FlowRfEdge>) {
  const t = useMessages();
  const actions = useCanvasActions();
  const a = useInternalNode(source);
  const b = useInternalNode(target);
  if (!a || !b || !data) return null;
  const seg = flowGeometry(end(a), end(b), data.offset, data.bend, data.labelT);
  const { flow, marker, editing } = data;
  const code = flow.code ?? '';
  const label = flow.label ?? '';
  // The same box as the export's and as flowLabelSpots measured.
  const w = flowLabelWidth(code, label);
  const h = FLOW_LABEL_HEIGHT;
  const x0 = seg.label.x - w / 2;
  const cls = ['fb-flow-label', selected ? 'is-selected' : '', marker ? `has-${marker.severity}` : ''].join(' ');
  const edit = (field: EditField) => (e: React.MouseEvent) => {
    e.stopPropagation();
    actions.startEdit({ kind: 'flow', id: flow.id, field });
  };
  return (
    <>
      <BaseEdge id={id} path={seg.path} markerEnd={markerEnd} className={marker ? `fb-flow has-${marker.severity}` : 'fb-flow'} />
      {editing ? (
        <EdgeLabelRenderer>
          <div className="fb-flow-edit nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${seg.label.x}px, ${seg.label.y}px)` }}>
            <InlineEdit
              value={editing === 'code' ? code : label}
              label={editing === 'code' ? t.editCode : t.editLabel}
              onCommit={(v) => actions.commitEdit({ kind: 'flow', id: flow.id, field: editing }, v)}
              onCancel={() => actions.cancelEdit()}
            />
          </div>
        </EdgeLabelRenderer>
      ) : (
        <g className={cls} onDoubleClick={edit('label')}>
          <rect x={x0} y={seg.label.y - h / 2} width={w} height={h} rx={3} className="fb-flow-label__bg" />
          <text x={x0 + 4} y={seg.label.y} dominantBaseline="central" className="fb-flow-label__text">
            {code ? (
              <tspan className="fb-flow-label__code" onDoubleClick={edit('code')}>
                {code}
              </tspan>
            ) : null}
            {label ? <tspan dx={code ? 4 : 0}>{label}</tspan> : null}
            {!code && !label ? <tspan className="fb-flow-label__empty">…</tspan> : null}
          </text>
        </g>
      )}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeInner);

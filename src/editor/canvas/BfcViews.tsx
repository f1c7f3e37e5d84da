/**
 * A business flow chart's React Flow views: the textbook symbols (业务处理 rectangle, 表格制作
 * document with a wavy bottom and stacked copies, 数据存储 open-ended box, 收集资料 card with a cut
 * corner) and the lanes (业务处理单位) drawn behind them, each with the unit's small circle and name
 * in its header and a handle to make it wider (or taller, as rows).
 */
import { memo } from 'react';
import { Handle, NodeResizeControl, Position, ResizeControlVariant, useConnection, type Node, type NodeProps } from '@xyflow/react';
import type { BfcLane, BfcNode } from '@schemas/bfc.ts';
import { InlineEdit } from './InlineEdit.tsx';
import { useCanvasActions, useMessages, type EditField } from './context.ts';
import type { Marker } from './DfdNodeView.tsx';

export type BfcNodeData = {
  node: BfcNode;
  width: number;
  height: number;
  /** For the shared flow edge: chart symbols are boxes (never round). */
  notation: 'gane-sarson';
  marker?: Marker;
  editing?: EditField;
};
export type BfcRfNode = Node<BfcNodeData, 'bfc'>;

export type LaneData = {
  lane: BfcLane;
  width: number;
  height: number;
  orientation: 'columns' | 'rows';
  header: number;
  marker?: Marker;
  editing?: boolean;
  onResize(id: string, size: number): void;
};
export type LaneRfNode = Node<LaneData, 'lane'>;

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

/** The symbol's outline, drawn to its box (the stroke inside the box). */
function Shape({ node, width: w, height: h }: { node: BfcNode; width: number; height: number }) {
  const s = 1;
  switch (node.kind) {
    case 'process':
      return <rect x={s} y={s} width={w - 2 * s} height={h - 2 * s} className="fb-bfc__fill" />;
    case 'form': {
      const copies = Math.min(Math.max(1, node.copies ?? 1), 5);
      const step = 5;
      const fw = w - (copies - 1) * step;
      const fh = h - (copies - 1) * step;
      // A sheet: straight top and sides, a wave along the bottom.
      const sheet = (dx: number, dy: number) => {
        const x0 = s + dx;
        const y0 = s + dy;
        const x1 = dx + fw - s;
        const yb = dy + fh - 8;
        return `M${x0} ${y0}H${x1}V${yb}C${x1 - fw * 0.25} ${yb - 10} ${x0 + fw * 0.5} ${yb + 14} ${x0} ${yb - 2}Z`;
      };
      const sheets = [];
      for (let i = copies - 1; i >= 0; i--) sheets.push(<path key={i} d={sheet(i * step, i * step)} className="fb-bfc__fill" />);
      return <>{sheets}</>;
    }
    case 'store':
      // Open at the right: top, left and bottom lines, a second line inside on the left.
      return (
        <>
          <rect x={0} y={0} width={w} height={h} className="fb-bfc__bg" />
          <path d={`M${w - s} ${s}H${s}V${h - s}H${w - s}M${s + 10} ${s}V${h - s}`} className="fb-bfc__line" />
        </>
      );
    case 'collect':
      return <path d={`M${s + 12} ${s}H${w - s}V${h - s}H${s}V${s + 12}Z`} className="fb-bfc__fill" />;
  }
}

function BfcNodeViewInner({ id, data, selected }: NodeProps<BfcRfNode>) {
  const t = useMessages();
  const actions = useCanvasActions();
  const { node, width, height, marker, editing } = data;
  const connecting = useConnection((c) => c.inProgress);
  const classes = ['fb-node', 'fb-bfc', `fb-bfc--${node.kind}`, selected ? 'is-selected' : '', marker ? `has-${marker.severity}` : '', connecting ? 'is-connecting' : ''].join(' ');
  const target = { kind: 'node' as const, id, field: 'label' as const };
  const copies = node.kind === 'form' ? Math.min(Math.max(1, node.copies ?? 1), 5) : 1;
  return (
    <div className={classes} style={{ width, height }}>
      <svg className="fb-bfc__shape" width={width} height={height} aria-hidden="true">
        <Shape node={node} width={width} height={height} />
      </svg>
      {editing === 'label' ? (
        <InlineEdit value={node.label} label={t.editLabel} className="fb-bfc__label" onCommit={(v) => actions.commitEdit(target, v)} onCancel={() => actions.cancelEdit()} />
      ) : (
        <div
          className="fb-bfc__label"
          style={{
            paddingRight: (copies - 1) * 5 + (node.kind === 'store' ? 0 : 4),
            paddingBottom: (copies - 1) * 5 + (node.kind === 'form' ? 8 : 0),
            paddingLeft: node.kind === 'store' ? 14 : 4,
          }}
          onDoubleClick={(e) => {
            e.stopPropagation();
            actions.startEdit(target);
          }}
        >
          {node.label}
        </div>
      )}
      {copies > 1 ? (
        <span className="fb-bfc__copies" aria-hidden="true">
          {copies}
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
      <Handle id="in" type="target" position={Position.Top} className="fb-target" isConnectableStart={false} aria-hidden="true" />
    </div>
  );
}

export const BfcNodeView = memo(BfcNodeViewInner);

function LaneViewInner({ data }: NodeProps<LaneRfNode>) {
  const t = useMessages();
  const actions = useCanvasActions();
  const { lane, width, height, orientation, header, marker, editing, onResize } = data;
  const cols = orientation === 'columns';
  const target = { kind: 'lane' as const, id: lane.id, field: 'label' as const };
  return (
    <div className={`fb-lane fb-lane--${orientation}${lane.external ? ' is-external' : ''}${marker ? ` has-${marker.severity}` : ''}`} style={{ width, height }}>
      <div className="fb-lane__header" style={cols ? { height: header } : { width: header }}>
        <span className="fb-lane__unit" aria-hidden="true" />
        {editing ? (
          <InlineEdit value={lane.label} label={t.bfc.laneName} className="fb-lane__name" onCommit={(v) => actions.commitEdit(target, v)} onCancel={() => actions.cancelEdit()} />
        ) : (
          <span
            className="fb-lane__name"
            onDoubleClick={(e) => {
              e.stopPropagation();
              actions.startEdit(target);
            }}
          >
            {lane.label}
            {lane.external ? <span className="fb-lane__tag">（{t.bfc.externalTag}）</span> : null}
          </span>
        )}
      </div>
      <NodeResizeControl
        className={`fb-lane__resize fb-lane__resize--${cols ? 'x' : 'y'}`}
        variant={ResizeControlVariant.Line}
        position={cols ? Position.Right : Position.Bottom}
        resizeDirection={cols ? 'horizontal' : 'vertical'}
        minWidth={cols ? 120 : width}
        minHeight={cols ? height : 96}
        onResizeEnd={(_, p) => onResize(lane.id, cols ? p.width : p.height)}
      >
        <span className="fb-visually-hidden">{t.bfc.resizeLane(lane.label)}</span>
      </NodeResizeControl>
    </div>
  );
}

export const LaneView = memo(LaneViewInner);

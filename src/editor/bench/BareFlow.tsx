/**
 * The benchmark's baseline (scripts/bench-editor.ts): the same large diagram in a bare React Flow
 * with default nodes and edges, uncontrolled state, no panels, same canvas size as the modeller.
 */
import { Background, Controls, MiniMap, ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { benchDocument } from './sample.ts';

const params = new URLSearchParams(location.search);
const doc = benchDocument(Number(params.get('n') ?? 500));
/** `?chrome=1` adds what the modeller shows around the canvas: background, controls, minimap. */
const chrome = params.get('chrome') === '1';
const d = doc.diagrams[0]!;
const initialNodes: Node[] = d.nodes.map((n) => ({ id: n.id, position: { x: n.x ?? 0, y: n.y ?? 0 }, data: { label: `${n.code} ${n.label}` } }));
const initialEdges: Edge[] = d.flows.map((f) => ({ id: f.id, source: f.from, target: f.to, label: `${f.code} ${f.label}` }));

export default function BareFlow() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  return (
    <div style={{ width: 900, height: 600, border: '1px solid #ccc' }} className="bench-canvas">
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} fitView minZoom={0.1}>
        {chrome ? <Background /> : null}
        {chrome ? <Controls /> : null}
        {chrome ? <MiniMap /> : null}
      </ReactFlow>
    </div>
  );
}

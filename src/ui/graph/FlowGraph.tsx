/**
 * The live graph: producers -> stream (shards) -> consumers / Firehose -> S3,
 * laid out from each snapshot. Selecting a node (click, or Tab then Enter)
 * opens it in the inspector.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { ReactFlow, Background, Controls, useReactFlow, type Node, type NodeMouseHandler } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useApp } from '../store/store';
import type { Selection } from '../store/uiSlice';
import { layoutGraph } from './layout';
import { nodeTypes } from './nodes';

/** A graph node id back to what the inspector selects. */
export function selectionOfNode(id: string): Selection | null {
  const [kind, a, b] = id.split(':');
  switch (kind) {
    case 'stream':
      return { kind: 'stream', stream: a };
    case 'shard':
      return { kind: 'shard', stream: a, shardId: b };
    case 'producer':
      return { kind: 'producer', id: a };
    case 'consumer':
      return { kind: 'consumer', id: a };
    case 'firehose':
      return { kind: 'firehose', name: a };
    case 'bucket':
      return { kind: 'bucket', name: a };
    case 'analytics':
      return { kind: 'analytics', name: a };
    case 'camera':
      return { kind: 'camera', name: a };
    case 'vstream':
      return { kind: 'videoStream', name: a };
    case 'vconsumer':
      return a === 'getMedia' || a === 'hls' || a === 'processor' ? { kind: 'videoConsumer', consumerKind: a, name: b } : null;
    default:
      return null;
  }
}

function selectionKey(sel: Selection | null): { kind: string; id: string } | null {
  if (sel === null) return null;
  switch (sel.kind) {
    case 'stream':
      return { kind: 'stream', id: sel.stream };
    case 'shard':
      return { kind: 'shard', id: sel.shardId };
    case 'producer':
    case 'consumer':
      return { kind: sel.kind, id: sel.id };
    case 'firehose':
    case 'bucket':
    case 'analytics':
    case 'camera':
    case 'videoStream':
      return { kind: sel.kind, id: sel.name };
    case 'videoConsumer':
      return { kind: sel.kind, id: `${sel.consumerKind}:${sel.name}` };
  }
}

/** Fits the view again whenever the set of nodes changes (a split, a merge, a new producer or Firehose). */
function FitOnTopologyChange({ signature }: { signature: string }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    // After React Flow has measured the new nodes.
    const id = requestAnimationFrame(() => void fitView({ padding: 0.08, duration: 200 }));
    return () => cancelAnimationFrame(id);
  }, [signature, fitView]);
  return null;
}

export function FlowGraph() {
  const snapshot = useApp((s) => s.snapshot);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const { nodes, edges } = useMemo(() => (snapshot ? layoutGraph(snapshot, selectionKey(selected)) : { nodes: [], edges: [] }), [snapshot, selected]);
  const signature = useMemo(() => nodes.map((n) => n.id).join('|'), [nodes]);
  const onNodeClick: NodeMouseHandler = useCallback((_e, node: Node) => select(selectionOfNode(node.id)), [select]);
  return (
    <section className="graph" aria-label="Data flow graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onNodesChange={(changes) => {
          // Keyboard selection (Enter on a focused node) arrives as a select change.
          for (const c of changes) if (c.type === 'select' && c.selected) select(selectionOfNode(c.id));
        }}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={0.2}
        colorMode="system"
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <FitOnTopologyChange signature={signature} />
      </ReactFlow>
    </section>
  );
}

/** The side panel: the findings, then 属性 and 数据字典 as two tabs. */
import { dfdOf, isBfc } from '../model/bfc.ts';
import { ChartInspector } from './ChartPanels.tsx';
import { useMemo } from 'react';
import type { DfdEntry } from '@schemas/dfd.ts';
import type { Finding } from '../core.ts';
import { boundaryNodes } from '../core.ts';
import type { Lang, Messages } from '../i18n.ts';
import type { Commands } from '../commands/registry.ts';
import { currentDiagram } from '../model/editor.ts';
import type { FlowPatch, NodePatch } from '../model/ops.ts';
import { FindingsPanel } from '../panels/FindingsPanel.tsx';
import { Inspector } from '../panels/Inspector.tsx';
import { DictionaryPanel } from '../panels/DictionaryPanel.tsx';
import { useStore } from '../store/store.ts';

const TABS = ['inspector', 'dictionary'] as const;

export function SidePanel({ t, lang, commands, findings }: { t: Messages; lang: Lang; commands: Commands; findings: readonly Finding[] }) {
  const store = commands.store;
  const anyDoc = useStore(store, (s) => s.doc);
  const doc = dfdOf(anyDoc);
  const diagramId = useStore(store, (s) => s.diagramId);
  const selection = useStore(store, (s) => s.selection);
  const tab = useStore(store, (s) => s.tab);
  const diagram = currentDiagram({ doc, diagramId });
  const boundary = useMemo(() => boundaryNodes(doc, diagramId), [doc, diagramId]);
  const onNode = (id: string, patch: NodePatch) => commands.run('update-element', { element: { kind: 'node', id, patch } });
  const onFlow = (id: string, patch: FlowPatch) => commands.run('update-element', { element: { kind: 'flow', id, patch } });
  const onConnect = (from: string, to: string) => commands.run('connect', { from, to });
  const onUpsert = (index: number | null, entry: DfdEntry) => commands.run('upsert-entry', { index, entry });
  const onRemove = (index: number) => commands.run('remove-entry', { index });
  return (
    <aside className="fb-side" aria-label={t.panels}>
      {/* The findings can be long: a keyboard user can jump past them to the properties. */}
      <a
        className="fb-skip"
        href="#fb-tab-inspector"
        onClick={(e) => {
          e.preventDefault();
          store.set({ tab: 'inspector' });
          document.getElementById('fb-tab-inspector')?.focus();
        }}
      >
        {t.skipFindings}
      </a>
      <FindingsPanel findings={findings} doc={doc} shownDiagram={diagramId} t={t} lang={lang} onShow={(f) => commands.showElement(f.diagram, f.element)} />
      {isBfc(anyDoc) ? (
        <div className="fb-panel fb-side__pane" id="fb-tabpanel-inspector">
          <h2 className="fb-panel__title" id="fb-tab-inspector" tabIndex={-1}>
            {t.inspector}
          </h2>
          <ChartInspector doc={anyDoc} selection={selection} t={t} commands={commands} />
        </div>
      ) : (
        <div className="fb-panel fb-tabs">
          <div role="tablist" aria-label={t.panels} className="fb-tabs__list">
            {TABS.map((name) => {
              const other = name === 'inspector' ? 'dictionary' : 'inspector';
              return (
                <button
                  key={name}
                  type="button"
                  role="tab"
                  id={`fb-tab-${name}`}
                  aria-controls={`fb-tabpanel-${name}`}
                  aria-selected={tab === name}
                  tabIndex={tab === name ? 0 : -1}
                  onClick={() => store.set({ tab: name })}
                  onKeyDown={(e) => {
                    // Two tabs: either arrow key moves to the other one.
                    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                    store.set({ tab: other });
                    document.getElementById(`fb-tab-${other}`)?.focus();
                  }}
                >
                  {t[name]}
                </button>
              );
            })}
          </div>
          {tab === 'inspector' ? (
            <div role="tabpanel" id="fb-tabpanel-inspector" aria-labelledby="fb-tab-inspector" className="fb-tabs__panel">
              <Inspector
                diagram={diagram}
                selection={selection}
                t={t}
                onNode={onNode}
                onFlow={onFlow}
                onConnect={onConnect}
                onDelete={() => commands.run('delete-selection')}
                boundary={boundary}
                onOpenParent={(parentNodeId) => {
                  const parentId = diagram.refines?.diagram;
                  if (parentId) commands.run('show-level', { diagramId: parentId, selection: { nodes: [parentNodeId], flows: [] } });
                }}
              />
            </div>
          ) : (
            <div role="tabpanel" id="fb-tabpanel-dictionary" aria-labelledby="fb-tab-dictionary" className="fb-tabs__panel">
              <DictionaryPanel doc={doc} t={t} onUpsert={onUpsert} onRemove={onRemove} />
            </div>
          )}
        </div>
      )}
    </aside>
  );
}

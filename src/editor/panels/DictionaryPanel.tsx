import { memo, useId, useMemo } from 'react';
import type { DfdDocument, DfdEntry } from '@schemas/dfd.ts';
import type { Messages } from '../i18n.ts';

interface Props {
  doc: DfdDocument;
  t: Messages;
  onUpsert(index: number | null, entry: DfdEntry): void;
  onRemove(index: number): void;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Names of every flow and store in the document (the things a dictionary should define). */
export function dictionaryNames(doc: DfdDocument): { name: string; kind: 'flow' | 'store' }[] {
  const seen = new Set<string>();
  const out: { name: string; kind: 'flow' | 'store' }[] = [];
  for (const d of doc.diagrams) {
    for (const n of d.nodes) {
      const name = norm(n.label);
      if (n.kind === 'store' && name && !seen.has(`store:${name}`)) {
        seen.add(`store:${name}`);
        out.push({ name, kind: 'store' });
      }
    }
    for (const f of d.flows) {
      const name = norm(f.label ?? '');
      if (name && !seen.has(`flow:${name}`)) {
        seen.add(`flow:${name}`);
        out.push({ name, kind: 'flow' });
      }
    }
  }
  return out;
}

function Entry({ entry, index, t, onUpsert, onRemove }: { entry: DfdEntry; index: number; t: Messages; onUpsert: Props['onUpsert']; onRemove: Props['onRemove'] }) {
  const id = useId();
  const commit = (patch: Partial<DfdEntry>) => {
    const next: DfdEntry = { ...entry, ...patch };
    for (const k of ['composition', 'description'] as const) if (next[k] === '') delete next[k];
    if (next.aliases && !next.aliases.length) delete next.aliases;
    onUpsert(index, next);
  };
  const field = (key: 'composition' | 'description', label: string, multiline = false) => {
    const v = entry[key] ?? '';
    const props = {
      id: `${id}-${key}`,
      key: v,
      defaultValue: v,
      onBlur: (e: { target: { value: string } }) => e.target.value !== v && commit({ [key]: e.target.value }),
    };
    return (
      <div className="fb-field">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
      </div>
    );
  };
  const aliases = (entry.aliases ?? []).join('，');
  return (
    <li className="fb-entry">
      <div className="fb-entry__head">
        <strong>{entry.name}</strong> <span className="fb-muted">{entry.kind === 'flow' ? t.flow : entry.kind === 'store' ? t.store : entry.kind}</span>
        <button type="button" className="fb-btn fb-btn--small" onClick={() => onRemove(index)} aria-label={t.titled(t.removeEntry, entry.name)}>
          {t.removeEntry}
        </button>
      </div>
      {field('composition', t.composition)}
      {field('description', t.description, true)}
      <div className="fb-field">
        <label htmlFor={`${id}-aliases`}>{t.aliases}</label>
        <input
          id={`${id}-aliases`}
          key={aliases}
          defaultValue={aliases}
          onBlur={(e) => {
            if (e.target.value === aliases) return;
            commit({
              aliases: e.target.value
                .split(/[,，、]/)
                .map((s) => s.trim())
                .filter(Boolean),
            });
          }}
        />
      </div>
    </li>
  );
}

function DictionaryPanelInner({ doc, t, onUpsert, onRemove }: Props) {
  const entries = useMemo(() => doc.dictionary ?? [], [doc.dictionary]);
  const missing = useMemo(() => {
    const have = new Set(entries.flatMap((e) => [norm(e.name), ...(e.aliases ?? []).map(norm)]));
    return dictionaryNames(doc).filter((n) => !have.has(n.name));
  }, [doc, entries]);
  return (
    <div className="fb-dictionary">
      <p className="fb-muted">{t.dictionaryHint}</p>
      {missing.length ? (
        <div className="fb-dictionary__missing">
          <h3>{t.missingEntries}</h3>
          <ul>
            {missing.map((m) => (
              <li key={`${m.kind}:${m.name}`}>
                <button type="button" className="fb-btn fb-btn--small" onClick={() => onUpsert(null, { name: m.name, kind: m.kind })}>
                  {t.titled(t.addEntry, m.name)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="fb-dictionary__entries">
        {entries.map((e, i) => (
          <Entry key={`${i}-${e.name}`} entry={e} index={i} t={t} onUpsert={onUpsert} onRemove={onRemove} />
        ))}
      </ul>
    </div>
  );
}

export const DictionaryPanel = memo(DictionaryPanelInner);

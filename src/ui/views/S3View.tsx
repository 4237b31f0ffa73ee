/**
 * Delivered objects: buckets, prefixes (click to open), objects (open to
 * read the decompressed text or a Parquet table, or download). Bodies are
 * shown as text only, never as HTML.
 */
import { useEffect, useState } from 'react';
import { useApp } from '../store/store';
import type { S3Listing, S3ObjectBody } from '../../worker/protocol';
import { formatBytes, formatInt } from '../format';
import { decodeObject, type DecodedObject } from './decodeObject';
import { S3Treemap } from './S3Treemap';
import { useQuery } from '../useQuery';

const NONE: never[] = [];

export default function S3View() {
  const buckets = useApp((s) => s.snapshot?.buckets ?? NONE);
  const client = useApp((s) => s.client);
  const showError = useApp((s) => s.showError);
  const [bucket, setBucket] = useState<string | null>(null);
  const [prefix, setPrefix] = useState('');
  const [listing, setListing] = useState<S3Listing | null>(null);
  const [opened, setOpened] = useState<{ obj: S3ObjectBody; decoded: DecodedObject } | null>(null);
  const current = bucket ?? buckets[0]?.name ?? null;
  const objectCount = buckets.find((b) => b.name === current)?.objectCount ?? 0;
  // Asked again whenever the engine's count changes; the tree's root counts every object of the bucket.
  const tree = useQuery(current === null ? null : { type: 's3Tree', bucket: current, objectCount }, 0, true);
  const target = useApp((s) => s.s3Target);

  useEffect(() => {
    if (current === null) return;
    let live = true;
    void client.listObjects(current, prefix).then((r) => {
      if (!live) return;
      if (r.ok) setListing(r.value);
      else showError(r.error);
    });
    return () => {
      live = false;
    };
    // Refresh when objects arrive in the bucket.
  }, [client, current, prefix, objectCount, showError]);

  // Opened from the record inspector: go to the object's bucket and prefix and open it.
  useEffect(() => {
    if (target === null) return;
    const key = target.key;
    setBucket(target.bucket);
    setPrefix(key.slice(0, key.lastIndexOf('/') + 1));
    void client.getObject(target.bucket, key).then(async (r) => {
      if (!r.ok) return showError(r.error);
      setOpened({ obj: r.value, decoded: await decodeObject(r.value) });
    });
    // Only when a new target arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  if (buckets.length === 0) return <p>No S3 bucket yet: add a Firehose delivery stream to see objects arrive under their prefixes.</p>;
  const crumbs = prefix.split('/').filter(Boolean);
  const open = async (key: string) => {
    const r = await client.getObject(current!, key);
    if (!r.ok) return showError(r.error);
    setOpened({ obj: r.value, decoded: await decodeObject(r.value) });
  };
  const download = (o: S3ObjectBody) => {
    const url = URL.createObjectURL(new Blob([o.body as BlobPart], { type: o.contentType }));
    const a = document.createElement('a');
    a.href = url;
    a.download = o.key.split('/').pop() || 'object';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <section aria-labelledby="s3-title" className="s3">
      <h2 id="s3-title">S3 objects</h2>
      <div className="form-row">
        <label>
          Bucket{' '}
          <select value={current ?? ''} onChange={(e) => (setBucket(e.target.value), setPrefix(''), setOpened(null))}>
            {buckets.map((b) => (
              <option key={b.name} value={b.name}>
                {/* The shown bucket's figures come from the same answer as the treemap, so the two agree at every frame. */}
                {b.name} ({formatInt(b.name === current && tree.data ? tree.data.objects : b.objectCount)} objects, {formatBytes(b.name === current && tree.data ? tree.data.bytes : b.bytes)})
              </option>
            ))}
          </select>
        </label>
      </div>
      <nav aria-label="Prefix" className="crumbs">
        <button type="button" className="linklike" onClick={() => setPrefix('')}>
          {current}
        </button>
        {crumbs.map((c, i) => (
          <span key={i}>
            {' / '}
            <button type="button" className="linklike" onClick={() => setPrefix(crumbs.slice(0, i + 1).join('/') + '/')}>
              {c}
            </button>
          </span>
        ))}
      </nav>
      {tree.data && <S3Treemap tree={tree.data} prefix={prefix} onPrefix={(p) => (setPrefix(p), setOpened(null))} onObject={(k) => void open(k)} />}
      <div className="s3-cols">
        <ul aria-label="Prefixes and objects" className="s3-list">
          {(listing?.prefixes ?? []).map((p) => (
            <li key={p}>
              <button type="button" className="linklike" onClick={() => setPrefix(p)}>
                📁 {p.slice(prefix.length)}
              </button>
            </li>
          ))}
          {(listing?.objects ?? []).map((o) => (
            <li key={o.Key}>
              <button type="button" className="linklike" onClick={() => void open(o.Key)} aria-label={`Open ${o.Key}`}>
                {o.Key.slice(prefix.length)}
              </button>{' '}
              <span className="muted">{formatBytes(o.Size)}</span>
            </li>
          ))}
          {listing && listing.prefixes.length === 0 && listing.objects.length === 0 && <li className="muted">empty</li>}
        </ul>
        {opened && (
          <div className="s3-object" role="region" aria-label={`Object ${opened.obj.key}`}>
            <div className="form-row">
              <strong className="mono">{opened.obj.key}</strong>
              <button type="button" onClick={() => download(opened.obj)}>
                Download
              </button>
              <button type="button" onClick={() => setOpened(null)}>
                Close
              </button>
            </div>
            <p className="muted">{opened.decoded.note}</p>
            {opened.decoded.kind === 'table' ? (
              <table className="parquet">
                <thead>
                  <tr>
                    {opened.decoded.columns.map((c) => (
                      <th key={c}>{c}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {opened.decoded.rows.map((r, i) => (
                    <tr key={i}>
                      {r.map((v, j) => (
                        <td key={j}>{v}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <pre className="object-text" tabIndex={0} aria-label="Object contents">{opened.decoded.text}</pre>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

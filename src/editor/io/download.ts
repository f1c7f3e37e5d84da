/** Saving a file from the browser (the I/O side; the content is built by pure functions). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

/**
 * A file name from a title (a label the user or a document chose): keeps letters of any script,
 * digits and dashes. Characters a file system or a download bar cannot show or would misread are
 * dropped or turned into dashes (path separators, reserved characters, controls, bidi overrides that
 * could show `gpj.exe` as `exe.jpg`, line separators, lone surrogates), as are leading dots and
 * the device names Windows reserves; it is at most 80 characters. The fallback is cleaned the same
 * way (it may be an id).
 */
export function fileStem(title: string | undefined, fallback = 'diagram'): string {
  const clean = (s: string) => {
    const out = [
      ...s
        .replace(/[\\/:*?"<>|\s\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]+/g, '-')
        .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-.]+|[-.]+$/g, ''),
    ]
      .slice(0, 80)
      .join('')
      .replace(/[-.]+$/, '');
    return /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(out) ? `_${out}` : out;
  };
  return clean(title ?? '') || clean(fallback) || 'diagram';
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

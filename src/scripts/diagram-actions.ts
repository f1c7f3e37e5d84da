/**
 * The export controls of a diagram figure: PNG at 2× with a solid background (the whole
 * diagram), and copying the Mermaid source. The SVG download is a plain link. Kept tiny: this
 * runs on every page that has a diagram.
 */
/** Figures are rendered once, in Chinese; the English interface (/en/) relabels the controls. */
const EN: Record<string, string> = {
  '下载 SVG': 'Download SVG',
  '下载 PNG': 'Download PNG',
  '复制 Mermaid 源码': 'Copy Mermaid source',
  '已生成 PNG': 'PNG created',
  'PNG 生成失败，请改用“下载 SVG”': 'Could not create the PNG: use “Download SVG” instead',
  '已复制 Mermaid 源码': 'Mermaid source copied',
  '无法访问剪贴板，请手动复制': 'No access to the clipboard: copy the source by hand',
  '无法访问剪贴板，请手动复制下面已选中的源码（Ctrl+C 或 ⌘C）': 'No access to the clipboard: copy the selected source below by hand (Ctrl+C or ⌘C)',
  'Mermaid 源码': 'Mermaid source',
  放大查看: 'View full screen',
  '查看器加载失败，请刷新页面后重试': 'Could not load the viewer: reload the page and try again',
};
const english = () => document.documentElement.lang === 'en';
const say = (zh: string) => (english() ? (EN[zh] ?? zh) : zh);

function status(fig: Element, text: string) {
  const el = fig.querySelector('.fb-diagram__status');
  if (el) el.textContent = say(text);
}

/**
 * The exports are the light rendering whatever the page theme, so 下载 PNG gives the same picture
 * as 下载 SVG (a report or slide is white paper more often than not).
 */
function exportImage(fig: Element): HTMLImageElement | null {
  return fig.querySelector('.fb-diagram__img--light');
}

function download(href: string, name: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

async function png(fig: HTMLElement) {
  const src = exportImage(fig)?.getAttribute('src');
  if (!src) return;
  const w = Number(fig.dataset.width);
  const h = Number(fig.dataset.height);
  const img = new Image();
  img.src = src;
  await img.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(w * scale);
  canvas.height = Math.ceil(h * scale);
  const ctx = canvas.getContext('2d')!;
  // The SVG carries its own background rect; fill too, so no pixel is ever transparent.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob: Blob | null = await new Promise((r) => canvas.toBlob(r, 'image/png'));
  if (!blob) throw new Error('PNG');
  const url = URL.createObjectURL(blob);
  download(url, `${fig.dataset.diagram ?? 'diagram'}.png`);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The Mermaid source: in the figure, or in the file its data-source names (figure.ts, sourceFile). */
async function source(fig: HTMLElement): Promise<string> {
  const inline = fig.querySelector('.fb-diagram__source');
  if (inline || !fig.dataset.source) return inline?.textContent ?? '';
  const res = await fetch(fig.dataset.source);
  if (!res.ok) throw new Error(`source ${res.status}`);
  return res.text();
}

async function copy(fig: HTMLElement) {
  if (!navigator.clipboard) throw new Error('clipboard');
  // Handed to the clipboard as a promise, so a fetched source keeps the click's permission (Safari).
  if (!fig.querySelector('.fb-diagram__source') && typeof ClipboardItem !== 'undefined') {
    await navigator.clipboard.write([new ClipboardItem({ 'text/plain': source(fig).then((t) => new Blob([t], { type: 'text/plain' })) })]);
    return;
  }
  await navigator.clipboard.writeText(await source(fig));
}

/**
 * When the clipboard is refused: show the source in a read-only text box, focused and selected,
 * so Ctrl+C (⌘C) copies it.
 */
async function showSource(fig: HTMLElement) {
  let box = fig.querySelector<HTMLTextAreaElement>('.fb-diagram__manual');
  if (!box) {
    const label = document.createElement('label');
    label.className = 'fb-diagram__manual-label';
    const id = `fb-manual-${Math.random().toString(36).slice(2, 9)}`;
    label.htmlFor = id;
    label.textContent = say('Mermaid 源码');
    box = document.createElement('textarea');
    box.id = id;
    box.className = 'fb-diagram__manual';
    box.readOnly = true;
    box.spellcheck = false;
    box.value = await source(fig).catch(() => '');
    box.rows = Math.min(12, box.value.split('\n').length + 1);
    fig.querySelector('.fb-diagram__actions')?.after(label, box);
  }
  box.focus();
  box.select();
}

/** Printable area of an A4 page in CSS pixels (as in src/lib/mermaid/figure.ts). */
const PRINT_WIDTH = 703;
/** Height of one printed slice of a long diagram (about 238 mm), and how much slices overlap. */
const SLICE = 900;
const OVERLAP = 24;

/**
 * A diagram more than about one and a half A4 pages tall (fb-diagram--long) is printed as slices
 * of one page each: a browser moves an image that does not fit the rest of a page whole to the
 * next page, leaving a blank page or a heading alone, and never splits it where it starts
 * mid-page. Each slice shows the same (light) image shifted up, overlapping the previous slice a
 * little so no label is cut in both. The slices are shown only in print (src/styles/print.css).
 */
function sliceLongFigures(root: Document) {
  for (const fig of root.querySelectorAll<HTMLElement>('.fb-diagram--long')) {
    const src = exportImage(fig)?.getAttribute('src');
    if (!src || fig.querySelector('.fb-diagram__slices')) continue;
    const w = Math.min(Number(fig.dataset.width), PRINT_WIDTH);
    const h = (Number(fig.dataset.height) * w) / Number(fig.dataset.width);
    const box = root.createElement('div');
    box.className = 'fb-diagram__slices';
    box.setAttribute('aria-hidden', 'true');
    for (let top = 0, k = 0; top < h - OVERLAP; top += SLICE - OVERLAP, k++) {
      const slice = root.createElement('div');
      slice.className = 'fb-diagram__slice';
      slice.style.height = `${Math.min(SLICE, h - top)}px`;
      const img = root.createElement('img');
      img.src = src;
      img.alt = '';
      img.style.width = `${w}px`;
      img.style.marginTop = `${-top}px`;
      slice.append(img);
      box.append(slice);
    }
    fig.querySelector('.fb-diagram__scroll')?.after(box);
  }
}

/**
 * The dark image and the export controls of a compact figure (src/lib/mermaid/figure.ts), which
 * the page does not carry: the same markup as figureHast's.
 */
function addActions(root: Document) {
  for (const fig of root.querySelectorAll<HTMLElement>('.fb-diagram')) {
    const light = exportImage(fig);
    if (light?.dataset.dark && !fig.querySelector('.fb-diagram__img--dark')) {
      const dark = light.cloneNode() as HTMLImageElement;
      dark.classList.replace('fb-diagram__img--light', 'fb-diagram__img--dark');
      dark.removeAttribute('data-dark');
      dark.src = light.dataset.dark;
      light.after(dark);
    }
    if (fig.querySelector('.fb-diagram__actions')) continue;
    const title = fig.querySelector('.fb-diagram__caption')?.textContent?.trim() ?? '';
    // As fileNameFor in figure.ts.
    fig.dataset.diagram ??=
      title
        .replace(/[\\/:*?"<>|\s]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'diagram';
    const group = root.createElement('div');
    group.className = 'fb-diagram__actions';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', `导出「${title}」`);
    group.setAttribute('data-pagefind-ignore', '');
    const control = (tag: 'button' | 'a', action: string, text: string, extra = '') => {
      const el = root.createElement(tag);
      el.className = `fb-diagram__action${extra}`;
      if (el instanceof HTMLButtonElement) el.type = 'button';
      el.dataset.action = action;
      el.textContent = text;
      group.append(el);
      return el;
    };
    control('button', 'zoom', '放大查看', ' fb-diagram__action--zoom').setAttribute('aria-haspopup', 'dialog');
    const svg = control('a', 'svg', '下载 SVG') as HTMLAnchorElement;
    svg.href = exportImage(fig)?.getAttribute('src') ?? '';
    svg.download = `${fig.dataset.diagram ?? 'diagram'}.svg`;
    control('button', 'png', '下载 PNG');
    control('button', 'copy', '复制 Mermaid 源码');
    const state = root.createElement('span');
    state.className = 'fb-diagram__status';
    state.setAttribute('role', 'status');
    state.setAttribute('aria-live', 'polite');
    group.append(state);
    fig.querySelector('.fb-diagram__caption')?.after(group);
  }
}

export function wireDiagramFigures(root: Document) {
  addActions(root);
  sliceLongFigures(root);
  if (english()) {
    for (const c of root.querySelectorAll('.fb-diagram__action')) c.textContent = say(c.textContent?.trim() ?? '');
    for (const g of root.querySelectorAll('.fb-diagram__actions[aria-label]')) {
      g.setAttribute('aria-label', g.getAttribute('aria-label')!.replace(/^导出「(.*)」$/, 'Export “$1”'));
    }
  }
  root.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    // A click on the picture opens the viewer too (the 放大查看 button is the keyboard's way in).
    const picture = target?.closest?.('.fb-diagram__img');
    const button = target?.closest?.('button[data-action]') ?? (picture ? picture.closest('.fb-diagram')?.querySelector('button[data-action="zoom"]') : null);
    const fig = button?.closest<HTMLElement>('.fb-diagram');
    if (!button || !fig) return;
    const action = button.getAttribute('data-action');
    if (action === 'zoom') {
      // The viewer and its pan-and-zoom library load only now, on the first open.
      import('./diagram-viewer.ts').then(
        (m) => m.openViewer(fig, button as HTMLElement),
        () => status(fig, '查看器加载失败，请刷新页面后重试'),
      );
    } else if (action === 'png') {
      png(fig).then(
        () => status(fig, '已生成 PNG'),
        () => status(fig, 'PNG 生成失败，请改用“下载 SVG”'),
      );
    } else if (action === 'copy') {
      copy(fig).then(
        () => status(fig, '已复制 Mermaid 源码'),
        () => {
          status(fig, '无法访问剪贴板，请手动复制下面已选中的源码（Ctrl+C 或 ⌘C）');
          void showSource(fig);
        },
      );
    }
  });
}

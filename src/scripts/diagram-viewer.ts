/**
 * The full-screen viewer of a diagram figure: a modal <dialog> with the diagram at a size that fits
 * the window, pan by dragging (mouse, touch, pen) or with the arrow keys, zoom with the wheel, a
 * pinch, the buttons or + / − / 0, and Esc (or 关闭) to close; focus goes back to the control that
 * opened it. Pan and zoom are @panzoom/panzoom (it writes element.style only, which the site's
 * Content-Security-Policy allows). Loaded with import() on the first open, so pages carry none of
 * this until a reader asks for it (src/scripts/diagram-actions.ts).
 */
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';

const EN: Record<string, string> = {
  放大: 'Zoom in',
  缩小: 'Zoom out',
  适应窗口: 'Fit to window',
  关闭: 'Close',
  '拖动或用方向键平移，滚轮、双指或 + / − 缩放，0 适应窗口，Esc 关闭': 'Drag or use the arrow keys to pan; wheel, pinch or + / − to zoom; 0 fits the window; Esc closes',
  图: 'Diagram',
  缩放: 'Zoom',
};
const english = () => document.documentElement.lang === 'en';
const say = (zh: string) => (english() ? (EN[zh] ?? zh) : zh);

/** Fraction of the visible stage one arrow-key press moves the diagram. */
const PAN_STEP = 0.1;
const MIN_SCALE = 0.05;
const MAX_SCALE = 8;

interface Viewer {
  dialog: HTMLDialogElement;
  title: HTMLElement;
  stage: HTMLElement;
  img: HTMLImageElement;
  level: HTMLElement;
  panzoom?: PanzoomObject;
  fit: number;
  opener?: HTMLElement | null;
}

let viewer: Viewer | undefined;

function button(label: string, text: string, action: string, keys: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'fb-viewer__button';
  b.dataset.viewer = action;
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.setAttribute('aria-keyshortcuts', keys);
  b.title = `${label} (${keys})`;
  return b;
}

function build(): Viewer {
  const dialog = document.createElement('dialog');
  dialog.className = 'fb-viewer';
  dialog.setAttribute('aria-labelledby', 'fb-viewer-title');
  dialog.setAttribute('aria-describedby', 'fb-viewer-help');
  const bar = document.createElement('div');
  bar.className = 'fb-viewer__bar';
  const title = document.createElement('h2');
  title.id = 'fb-viewer-title';
  title.className = 'fb-viewer__title';
  const tools = document.createElement('div');
  tools.className = 'fb-viewer__tools';
  tools.setAttribute('role', 'group');
  tools.setAttribute('aria-label', say('缩放'));
  const level = document.createElement('span');
  level.className = 'fb-viewer__level';
  level.setAttribute('role', 'status');
  level.setAttribute('aria-live', 'polite');
  tools.append(button(say('缩小'), '−', 'out', '-'), level, button(say('放大'), '+', 'in', '+'), button(say('适应窗口'), say('适应窗口'), 'fit', '0'));
  const close = button(say('关闭'), say('关闭'), 'close', 'Escape');
  close.classList.add('fb-viewer__close');
  bar.append(title, tools, close);
  const help = document.createElement('p');
  help.id = 'fb-viewer-help';
  help.className = 'fb-viewer__help';
  help.textContent = say('拖动或用方向键平移，滚轮、双指或 + / − 缩放，0 适应窗口，Esc 关闭');
  const stage = document.createElement('div');
  stage.className = 'fb-viewer__stage';
  // The stage takes the keys (arrows pan); as a focusable region it needs a name and a role.
  stage.tabIndex = 0;
  stage.setAttribute('role', 'region');
  const img = document.createElement('img');
  img.className = 'fb-viewer__img';
  img.draggable = false;
  stage.append(img);
  dialog.append(bar, help, stage);
  document.body.append(dialog);
  const v: Viewer = { dialog, title, stage, img, level, fit: 1 };

  dialog.addEventListener('click', (event) => {
    const action = (event.target as Element | null)?.closest?.('[data-viewer]')?.getAttribute('data-viewer');
    if (action) run(v, action);
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const action = keyAction(event.key);
    if (!action) return;
    event.preventDefault();
    run(v, action);
  });
  img.addEventListener('panzoomchange', () => showLevel(v));
  stage.addEventListener('wheel', (event) => v.panzoom?.zoomWithWheel(event), { passive: false });
  dialog.addEventListener('close', () => {
    document.documentElement.classList.remove('fb-viewer-open');
    v.panzoom?.destroy();
    v.panzoom = undefined;
    const back = v.opener;
    v.opener = undefined;
    if (back?.isConnected) back.focus();
  });
  return v;
}

/** What a key does in the viewer (Esc is the dialog's own cancel); arrows pan wherever the focus is in it. */
export function keyAction(key: string): string | undefined {
  switch (key) {
    case '+':
    case '=':
      return 'in';
    case '-':
    case '_':
    case '−':
      return 'out';
    case '0':
      return 'fit';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return undefined;
  }
}

function showLevel(v: Viewer) {
  const scale = v.panzoom?.getScale() ?? 1;
  v.level.textContent = `${Math.round(scale * 100)}%`;
  v.img.dataset.scale = String(scale);
}

function run(v: Viewer, action: string) {
  const pz = v.panzoom;
  if (action === 'close') {
    v.dialog.close();
    return;
  }
  if (!pz) return;
  const scale = pz.getScale();
  const dx = (v.stage.clientWidth * PAN_STEP) / scale;
  const dy = (v.stage.clientHeight * PAN_STEP) / scale;
  switch (action) {
    case 'in':
      pz.zoomIn();
      break;
    case 'out':
      pz.zoomOut();
      break;
    case 'fit':
      pz.zoom(v.fit, { animate: false });
      pz.pan(0, 0, { animate: false, force: true });
      break;
    // An arrow moves the view that way over the diagram, as on a map: the diagram moves the other way.
    case 'left':
      pz.pan(dx, 0, { relative: true, animate: false });
      break;
    case 'right':
      pz.pan(-dx, 0, { relative: true, animate: false });
      break;
    case 'up':
      pz.pan(0, dy, { relative: true, animate: false });
      break;
    case 'down':
      pz.pan(0, -dy, { relative: true, animate: false });
      break;
  }
  // Panzoom applies a zoom on the next frame; read the level after it.
  requestAnimationFrame(() => showLevel(v));
}

/** Opens the viewer on a figure (.fb-diagram); `opener` gets the focus back when it closes. */
export function openViewer(fig: HTMLElement, opener?: HTMLElement | null): void {
  viewer ??= build();
  const v = viewer;
  const dark = document.documentElement.dataset.theme === 'dark';
  const source = fig.querySelector<HTMLImageElement>(dark ? '.fb-diagram__img--dark' : '.fb-diagram__img--light') ?? fig.querySelector('img');
  if (!source) return;
  const caption = fig.querySelector('.fb-diagram__caption')?.textContent?.trim() || say('图');
  const width = Number(fig.dataset.width) || source.naturalWidth || 800;
  const height = Number(fig.dataset.height) || source.naturalHeight || 600;
  v.opener = opener ?? null;
  v.title.textContent = caption;
  v.stage.setAttribute('aria-label', caption);
  v.img.alt = source.alt;
  v.img.width = width;
  v.img.height = height;
  v.img.src = source.currentSrc || source.src;
  document.documentElement.classList.add('fb-viewer-open');
  v.dialog.showModal();
  const fit = Math.min(1, (v.stage.clientWidth - 16) / width, (v.stage.clientHeight - 16) / height);
  v.fit = Math.max(MIN_SCALE, fit);
  v.panzoom = Panzoom(v.img, {
    minScale: Math.min(MIN_SCALE * 2, v.fit),
    maxScale: MAX_SCALE,
    startScale: v.fit,
    step: 0.25,
    animate: false,
    // The stage, not Panzoom, keeps the picture from spilling over the page.
    overflow: 'hidden',
  });
  showLevel(v);
  v.stage.focus();
}

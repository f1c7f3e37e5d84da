/**
 * File access for the command line on real folders (a class's hand-in folder, a shared drive):
 * only regular files are read. A FIFO or device named `*.dfd.json` would block a read forever or
 * return endless bytes, and a symbolic link can point out of the folder, to nothing, or to itself.
 *
 * - listFiles(paths, accept): the files to read. A path given on the command line is kept as it is
 *   (readFileSafe decides). A folder is walked (recursively when asked): its entries whose names
 *   `accept` are kept when they are regular files, or symbolic links to regular files inside the
 *   folder; sub-folders are walked once each, also through links inside the folder. Everything
 *   else the name matched is returned as skipped, with the reason.
 * - readFileSafe(path): opens without blocking (O_NONBLOCK, so a FIFO with no writer cannot hang
 *   the open), checks with fstat that what was opened is a regular file no larger than
 *   MAX_FILE_BYTES, then reads it. Errors come back as values, never thrown.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, isAbsolute, sep } from 'node:path';

/** The largest file the command line reads: 10 times a 100,000-node document (about 6 MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface Reason {
  zh: string;
  en: string;
}

export type Listed = { file: string; skipped?: undefined } | { file: string; skipped: Reason };

export function kindOf(st: Stats): Reason | undefined {
  if (st.isFile()) return undefined;
  if (st.isFIFO()) return { zh: '不是普通文件（命名管道 FIFO），已跳过', en: 'not a regular file (a FIFO), skipped' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { zh: '不是普通文件（设备），已跳过', en: 'not a regular file (a device), skipped' };
  if (st.isSocket()) return { zh: '不是普通文件（套接字），已跳过', en: 'not a regular file (a socket), skipped' };
  if (st.isDirectory()) return { zh: '这是文件夹，不是文件', en: 'is a folder, not a file' };
  return { zh: '不是普通文件，已跳过', en: 'not a regular file, skipped' };
}

function errnoReason(e: unknown): Reason {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return { zh: '文件不存在', en: 'no such file' };
    case 'ELOOP':
      return { zh: '符号链接循环，已跳过', en: 'a symbolic link loop, skipped' };
    case 'EACCES':
    case 'EPERM':
      return { zh: '没有读取权限', en: 'permission denied' };
    case 'EISDIR':
      return { zh: '这是文件夹，不是文件', en: 'is a folder, not a file' };
    default:
      return { zh: `无法打开文件（${code ?? 'unknown'}）`, en: `cannot open the file (${code ?? 'unknown'})` };
  }
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** Expands folders into the files to read; see the module comment. */
export function listFiles(paths: string[], accept: (name: string) => boolean, options: { recursive: boolean }): Listed[] {
  const out: Listed[] = [];
  for (const p of paths) {
    let st: Stats | undefined;
    try {
      st = statSync(p);
    } catch {
      // a missing path, a dangling link or a loop: readFileSafe reports it
    }
    if (!st?.isDirectory()) {
      out.push({ file: p });
      continue;
    }
    let root: string;
    try {
      root = realpathSync(p);
    } catch (e) {
      out.push({ file: p, skipped: errnoReason(e) });
      continue;
    }
    const walked = new Set<string>([root]);
    const walk = (dir: string, shown: string) => {
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch (e) {
        out.push({ file: shown, skipped: { zh: `无法读取文件夹：${errnoReason(e).zh}`, en: `cannot read the folder: ${errnoReason(e).en}` } });
        return;
      }
      for (const name of names) {
        const full = join(dir, name);
        const display = join(shown, name);
        let lst: Stats;
        try {
          lst = lstatSync(full);
        } catch (e) {
          if (accept(name)) out.push({ file: display, skipped: errnoReason(e) });
          continue;
        }
        if (lst.isSymbolicLink()) {
          let target: string;
          let tst: Stats;
          try {
            target = realpathSync(full);
            tst = statSync(target);
          } catch (e) {
            const code = (e as NodeJS.ErrnoException)?.code;
            if (accept(name))
              out.push({
                file: display,
                skipped: code === 'ENOENT' ? { zh: '符号链接指向不存在的文件，已跳过', en: 'a dangling symbolic link, skipped' } : errnoReason(e),
              });
            continue;
          }
          if (!inside(root, target)) {
            if (accept(name) || (options.recursive && tst.isDirectory()))
              out.push({ file: display, skipped: { zh: '符号链接指向文件夹之外，已跳过', en: 'a symbolic link that leads out of the folder, skipped' } });
            continue;
          }
          if (tst.isDirectory()) {
            if (options.recursive && !walked.has(target)) {
              walked.add(target);
              walk(full, display);
            }
            continue;
          }
          if (!accept(name)) continue;
          const k = kindOf(tst);
          out.push(k ? { file: display, skipped: k } : { file: display });
          continue;
        }
        if (lst.isDirectory()) {
          if (options.recursive) {
            let real = full;
            try {
              real = realpathSync(full);
            } catch {
              // keep the path
            }
            if (!walked.has(real)) {
              walked.add(real);
              walk(full, display);
            }
          }
          continue;
        }
        if (!accept(name)) continue;
        const k = kindOf(lst);
        out.push(k ? { file: display, skipped: k } : { file: display });
      }
    };
    walk(p, p);
  }
  return out;
}

export type ReadOutcome = { ok: true; text: string } | { ok: false; reason: Reason };

/** Reads a regular file as UTF-8 without ever blocking on a FIFO or a device; see the module comment. */
export function readFileSafe(path: string, maxBytes = MAX_FILE_BYTES): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, reason: errnoReason(e) };
  }
  try {
    const st = fstatSync(fd);
    const k = kindOf(st);
    if (k) return { ok: false, reason: k };
    if (st.size > maxBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      return {
        ok: false,
        reason: { zh: `文件太大（${mb(st.size)} MB，上限 ${mb(maxBytes)} MB）`, en: `the file is too large (${mb(st.size)} MB, the limit is ${mb(maxBytes)} MB)` },
      };
    }
    // Read at most maxBytes + 1: a file that grows while being read is still bounded.
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    while (n < buf.length) {
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
    }
    if (n > maxBytes) return { ok: false, reason: { zh: '文件在读取时变大，超过上限', en: 'the file grew past the limit while being read' } };
    return { ok: true, text: buf.subarray(0, n).toString('utf8') };
  } catch (e) {
    return { ok: false, reason: errnoReason(e) };
  } finally {
    closeSync(fd);
  }
}

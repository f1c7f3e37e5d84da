import type { Severity } from '../../lib/dfd/index.ts';

export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

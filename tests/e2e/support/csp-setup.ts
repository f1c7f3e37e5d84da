import { clearReports, cspReportFile } from './csp-reports.ts';

export default function setup(): void {
  clearReports(cspReportFile(Number(process.env.FLOWBOOK_E2E_PORT ?? 4399)));
}

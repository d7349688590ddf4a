import type { Finding } from '@eoskit/lint';
import type { AuditState, FileBuffer, Filter } from './audit-types.js';
import { visibleFindings } from './filter-findings.js';

/** The filter in force: while typing after `/`, the draft filters live. */
export function activeFilter(state: AuditState): Filter {
  return state.draft === null ? state.filter : { ...state.filter, text: state.draft };
}

/** Findings the list shows. */
export function selectVisible(state: AuditState): Finding[] {
  return visibleFindings(state.analysis.result.findings, activeFilter(state));
}

/** The finding under the cursor, if any. */
export function selectedFinding(state: AuditState): Finding | undefined {
  return selectVisible(state)[state.selected];
}

/** Files whose edited text differs from the disk. */
export function dirtyFiles(state: AuditState): FileBuffer[] {
  return Object.values(state.buffers).filter((b) => b.text !== b.saved);
}

/** Identity of a finding across re-lints (line numbers move when lines are added or removed). */
export function findingIdentity(f: Finding): string {
  return `${f.ruleId}\0${f.file}\0${f.unitId ?? ''}\0${f.key ?? ''}`;
}

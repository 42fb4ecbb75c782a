import type { TFunction } from 'i18next';

/**
 * An assignment or priority change is kept in a complaint's history as JSON ({"assigneeId":…},
 * {"priority":…}); this says it in words ("处理人：李客服"), or returns the text as it is.
 */
export function describeChange(action: string, comment: string | null, t: TFunction, nameOf: (userId: string) => string): string | null {
  if ((action !== 'assign' && action !== 'update') || !comment?.startsWith('{')) return comment;
  try {
    const set = JSON.parse(comment) as { assigneeId?: string | null; priority?: string };
    const parts: string[] = [];
    if (set.assigneeId !== undefined) parts.push(t('cmp.fieldValue', { field: t('cmp.assignee'), value: set.assigneeId ? nameOf(set.assigneeId) : t('cmp.unassigned') }));
    if (set.priority) parts.push(t('cmp.fieldValue', { field: t('cmp.priority'), value: t(`cmp.priorities.${set.priority}`, { defaultValue: set.priority }) }));
    return parts.join(t('sales.listSeparator')) || null;
  } catch {
    return comment;
  }
}

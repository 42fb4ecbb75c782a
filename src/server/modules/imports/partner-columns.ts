import type { CustomerInput } from '../partners/index.js';
import { toTags, type Text2 } from './cells.js';
import type { ColumnSpec } from './columns.js';

/** Format help for a free-text column. */
export const text = (max: number, zh = '文字', en = 'Text'): Text2 => ({ zh: `${zh}，最多 ${max} 个字符`, en: `${en}, up to ${max} characters` });

/** Columns customers and suppliers share. */
export const contactColumn: ColumnSpec = {
  field: 'contactName', zh: '联系人', en: 'Contact', aliases: ['联系人姓名', 'contact name', 'contact person'],
  format: { zh: '主要联系人姓名，最多 100 个字符', en: 'Main contact’s name, up to 100 characters' }, example: { zh: '王芳', en: 'Fang Wang' },
};
export const tagsColumn: ColumnSpec = {
  field: 'tags', zh: '标签', en: 'Tags', aliases: ['tag'], convert: toTags,
  format: { zh: '多个用 ; 分隔，每个最多 30 个字符', en: 'Separate several with ;, each up to 30 characters' }, example: { zh: '重点;华东', en: 'key;east' },
};
export const notesColumn: ColumnSpec = {
  field: 'notes', zh: '备注', en: 'Notes', aliases: ['note', 'remark', 'remarks', '说明'], format: text(2000), example: '',
};

type Contact = CustomerInput['contacts'][number];

/** The imported contact goes first unless the partner already has a contact of that name; others stay. */
export function mergeContacts(imported: Contact[], existing: Array<Omit<Contact, 'email'> & { email?: string | null }>): Contact[] {
  const own = existing as Contact[];
  if (own.some((c) => c.name === imported[0].name)) return own;
  return [imported[0], ...own].slice(0, 20);
}

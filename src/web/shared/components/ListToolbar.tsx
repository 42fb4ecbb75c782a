import { Flex, Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The search box (searches on Enter or when cleared) followed by a list's filters. */
export function ListToolbar({ q, onSearch, placeholder, children }: { q: string; onSearch: (q: string) => void; placeholder?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const [text, setText] = useState(q);
  // When the URL's search text changes (back button, reset), show it.
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    setText(q);
  }
  return (
    <Flex wrap="wrap" gap={8} style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value) onSearch('');
        }}
        onSearch={(v) => onSearch(v.trim())}
        placeholder={placeholder ?? t('msg.searchPlaceholder')}
        style={{ width: 260, maxWidth: '100%' }}
        aria-label={t('action.search')}
      />
      {children}
    </Flex>
  );
}

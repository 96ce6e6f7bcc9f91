// The language switch: a visible button named in the other language (English / 中文).
import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { switchLanguage, currentLanguage } from '../i18n/i18n.ts';
import { otherLanguage } from '../i18n/language.ts';

const NAMES = { 'zh-CN': '中文', 'en-US': 'English' } as const;

export function LanguageButton() {
  useTranslation();
  const target = otherLanguage(currentLanguage());
  return (
    <Button ghost icon={<GlobalOutlined />} lang={target} onClick={() => void switchLanguage(target)}>
      {NAMES[target]}
    </Button>
  );
}

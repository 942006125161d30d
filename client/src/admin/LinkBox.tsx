import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { absoluteLink } from './adminApi';

/** A link to pass on: shown in full (selectable), with a button that copies it. */
export function LinkBox({ path, text, testId }: { path: string; text: string; testId?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const url = absoluteLink(path);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch (error) {
      // No clipboard (insecure origin, permissions): the link is shown to select by hand.
      console.warn('Could not copy the link', error);
    }
  };
  return (
    <div className="admin-link" role="status">
      <p>{text}</p>
      <div className="admin-link-row">
        <input
          className="text-input"
          readOnly
          value={url}
          aria-label={text}
          data-testid={testId}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button" onClick={copy}>
          {copied ? t('admin.copied') : t('admin.copy')}
        </button>
      </div>
    </div>
  );
}

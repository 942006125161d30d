import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';

/** Says that private writing is on, in the words that fit this person's part in it. */
export function PrivateWritingBanner(props: { role: 'writer' | 'reader' | 'facilitator'; draftsProblem: boolean }) {
  const { role, draftsProblem } = props;
  const { t } = useTranslation();
  const text =
    role === 'reader'
      ? t('privateWriting.bannerReadOnly')
      : role === 'facilitator'
        ? t('privateWriting.bannerFacilitator')
        : t('privateWriting.banner');
  return (
    <output className="banner banner-private" data-testid="private-writing-banner" data-role={role}>
      <Icon name="lock" />
      <span>{text}</span>
      {draftsProblem && role !== 'reader' && (
        <span className="banner-private-problem">{t('privateWriting.draftsError')}</span>
      )}
    </output>
  );
}

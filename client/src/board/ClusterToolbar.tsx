import { CLUSTER_COLORS, type ClusterColor } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { CLUSTER_COLOR_STYLES } from './clusterColors';

/**
 * What can be done to the selected theme: colour, rename, tidy, delete (its
 * notes stay). Digits 1–6, Enter, T and Delete do the same from the keyboard;
 * arrows move it, and arrows on its corner handle resize it.
 */
export function ClusterToolbar(props: {
  color: ClusterColor;
  onRecolor: (color: ClusterColor) => void;
  onRename: () => void;
  onTidy: () => void;
  onDelete: () => void;
  /** The facilitator's spotlight: show only this theme on the big screen (or end it). */
  spotlight?: { active: boolean; onToggle: () => void };
}) {
  const { color, onRecolor, onRename, onTidy, onDelete, spotlight } = props;
  const { t } = useTranslation();
  return (
    <div
      className="toolbar toolbar-selection"
      role="toolbar"
      aria-label={t('cluster.toolbar')}
      data-testid="cluster-toolbar"
    >
      <fieldset className="swatches" aria-label={t('cluster.colorGroup')}>
        {CLUSTER_COLORS.map((name, index) => (
          <button
            key={name}
            type="button"
            className="swatch"
            data-testid={`cluster-color-${name}`}
            aria-label={t('cluster.setColor', { color: t(`clusterColors.${name}`) })}
            title={`${t(`clusterColors.${name}`)} (${index + 1})`}
            aria-pressed={name === color}
            aria-keyshortcuts={String(index + 1)}
            style={{ background: CLUSTER_COLOR_STYLES[name].header, borderColor: CLUSTER_COLOR_STYLES[name].edge }}
            onClick={() => onRecolor(name)}
          />
        ))}
      </fieldset>
      <span className="toolbar-divider" aria-hidden="true" />
      <button
        type="button"
        className="icon-button"
        data-testid="rename-cluster"
        aria-label={t('cluster.rename')}
        title={`${t('cluster.rename')} (Enter)`}
        aria-keyshortcuts="Enter"
        onClick={onRename}
      >
        <Icon name="edit" />
      </button>
      <button
        type="button"
        className="button button-small toolbar-text-button"
        data-testid="tidy-cluster"
        title={`${t('cluster.tidy')} (T)`}
        aria-keyshortcuts="T"
        onClick={onTidy}
      >
        <Icon name="tidy" />
        {t('cluster.tidy')}
      </button>
      {spotlight && (
        <button
          type="button"
          className="button button-small toolbar-text-button"
          data-testid="spotlight-cluster"
          aria-pressed={spotlight.active}
          title={spotlight.active ? t('follow.endSpotlight') : t('follow.spotlightHint')}
          onClick={spotlight.onToggle}
        >
          <Icon name="spotlight" />
          {spotlight.active ? t('follow.endSpotlight') : t('follow.spotlight')}
        </button>
      )}
      <button
        type="button"
        className="icon-button icon-button-danger"
        data-testid="delete-cluster"
        aria-label={t('cluster.delete')}
        title={`${t('cluster.delete')} (Delete)`}
        aria-keyshortcuts="Delete"
        onClick={onDelete}
      >
        <Icon name="trash" />
      </button>
    </div>
  );
}

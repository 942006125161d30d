import { CLUSTER_COLORS, type ClusterColor } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { ActionButton, type ActionTools } from './ActionButton';
import { CLUSTER_COLOR_STYLES } from './clusterColors';

/**
 * What can be done to the selected theme: colour, rename, tidy, delete (its
 * notes stay) — commands of the actions table (boardActions.ts), which gives their
 * names, shortcuts and whether they are enabled; arrows move it, and arrows on its
 * corner handle resize it. The facilitator's spotlight is a facilitation command,
 * not a board action, so it has a button of its own.
 */
export function ClusterToolbar(props: {
  color: ClusterColor;
  tools: ActionTools;
  /** The facilitator's spotlight: show only this theme on the big screen (or end it). */
  spotlight?: { active: boolean; onToggle: () => void } | undefined;
}) {
  const { color, tools, spotlight } = props;
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
          <ActionButton
            key={name}
            command={{ kind: 'recolorSelected', index }}
            tools={tools}
            className="swatch"
            testId={`cluster-color-${name}`}
            pressed={name === color}
            style={{ background: CLUSTER_COLOR_STYLES[name].header, borderColor: CLUSTER_COLOR_STYLES[name].edge }}
          />
        ))}
      </fieldset>
      <span className="toolbar-divider" aria-hidden="true" />
      <ActionButton
        command={{ kind: 'editSelected' }}
        tools={tools}
        className="icon-button"
        testId="rename-cluster"
        icon="edit"
      />
      <ActionButton
        command={{ kind: 'tidySelected' }}
        tools={tools}
        className="button button-small toolbar-text-button"
        testId="tidy-cluster"
        icon="tidy"
        text
      />
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
      <ActionButton
        command={{ kind: 'deleteSelected' }}
        tools={tools}
        className="icon-button icon-button-danger"
        testId="delete-cluster"
        icon="trash"
      />
    </div>
  );
}

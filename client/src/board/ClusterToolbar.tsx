import { CLUSTER_COLORS, type ClusterColor } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { ActionButton, type ActionTools } from './ActionButton';
import { CLUSTER_COLOR_STYLES } from './clusterColors';

/**
 * What can be done to the selected theme: colour, rename, tidy, the facilitator's
 * spotlight (only this theme on the big screen), delete (its notes stay) — commands
 * of the actions table (boardActions.ts), which gives their names, shortcuts and
 * whether they are enabled; arrows move it, and arrows on its corner handle resize it.
 */
export function ClusterToolbar(props: { color: ClusterColor; tools: ActionTools }) {
  const { color, tools } = props;
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
      {tools.state.spotlight !== undefined && (
        <ActionButton
          command={{ kind: 'spotlightSelected' }}
          tools={tools}
          className="button button-small toolbar-text-button"
          testId="spotlight-cluster"
          icon="spotlight"
          text
          pressed={tools.state.spotlight === 'on'}
        />
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

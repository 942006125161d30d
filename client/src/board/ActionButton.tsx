import type { TFunction } from 'i18next';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChords, parseChord } from '../interaction/keyChords';
import { Icon, type IconName } from '../ui/Icon';
import { type ActionState, actionOf, hintOf, isEnabled, labelOf, type Phrase, shortcutOf } from './boardActions';
import type { BoardCommand } from './boardCommand';

/** A phrase of the actions table in the current language (its values translated first). */
export function say(t: TFunction, phrase: Phrase): string {
  const values = Object.fromEntries(
    Object.entries(phrase.values ?? {}).map(([name, value]) => [
      name,
      typeof value === 'object' ? say(t, value) : value,
    ]),
  );
  return (t as unknown as (key: string, values: object) => string)(phrase.key, values);
}

/** How a person reads a command's shortcut ("Ctrl+D"), or undefined when it has none. */
export function shortcutText(t: TFunction, command: BoardCommand): string | undefined {
  return formatChords(shortcutOf(command).map(parseChord), t('keys.mod'))[0];
}

/** What the toolbars need to render the table's actions: the board's state, and the runner. */
export interface ActionTools {
  state: ActionState;
  run(command: BoardCommand): void;
}

/**
 * A button for one command of the actions table: its name, tooltip, shortcut (title and
 * `aria-keyshortcuts`) and whether it is enabled come from its row, and a click runs
 * it through the same runner as its keys. The toolbar chooses only the look.
 */
export function ActionButton(props: {
  command: BoardCommand;
  tools: ActionTools;
  className: string;
  testId?: string | undefined;
  icon?: IconName;
  /** The name is shown beside the icon (`true`, or this text instead); otherwise it is the accessible name only. */
  text?: true | string;
  /** Shown instead of icon and text (a size's letter); the name stays its accessible name… */
  content?: ReactNode;
  /** …unless the content names it itself (the zoom level with its hidden label). */
  namedByContent?: boolean;
  pressed?: boolean;
  style?: CSSProperties;
}) {
  const { command, tools, className, testId, icon, text, content, namedByContent, pressed, style } = props;
  const { t } = useTranslation();
  const name = say(t, labelOf(command, tools.state));
  const keys = shortcutText(t, command);
  const hint = hintOf(command, tools.state);
  const title = hint ? say(t, hint) : name;
  const enabled = isEnabled(actionOf(command), tools.state);
  const named = text !== undefined || namedByContent === true;
  return (
    <button
      type="button"
      className={className}
      data-testid={testId}
      aria-label={named ? undefined : name}
      title={keys ? `${title} (${keys})` : title}
      aria-keyshortcuts={shortcutOf(command).join(' ') || undefined}
      aria-pressed={pressed}
      aria-disabled={enabled ? undefined : true}
      style={style}
      onClick={() => tools.run(command)}
    >
      {content ?? (
        <>
          {icon && <Icon name={icon} />}
          {text === true ? name : text}
        </>
      )}
    </button>
  );
}

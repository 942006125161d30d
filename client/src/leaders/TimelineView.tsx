import { useTranslation } from 'react-i18next';
import { DecisionBadge } from './DecisionBadge';
import { formatShortMonth, formatTimeline } from './months';
import type { PanelIdea } from './panelModel';
import { layoutTimeline } from './timeline';
import { useLocale } from './useLocale';

/**
 * Months across the top, one bar per idea coloured by its decision, in decision
 * and priority order; ideas without dates listed under it. Clicking a bar (or
 * its title) opens the idea's sources.
 */
export function TimelineView({
  ideas,
  onOpen,
}: {
  ideas: readonly PanelIdea[];
  onOpen: (idea: PanelIdea, from: HTMLElement) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const layout = layoutTimeline(
    ideas.map((idea) => ({
      id: idea.id,
      decision: idea.assessment?.decision ?? null,
      rank: idea.assessment?.rank ?? null,
      startMonth: idea.assessment?.startMonth ?? null,
      endMonth: idea.assessment?.endMonth ?? null,
    })),
  );
  const byId = new Map(ideas.map((idea) => [idea.id, idea]));
  const columns = `minmax(240px, 20%) repeat(${layout.months.length}, minmax(0, 1fr))`;
  const years = [...new Set(layout.months.map((m) => m.slice(0, 4)))];

  return (
    <div className="timeline" data-testid="timeline">
      {layout.months.length === 0 ? (
        <p className="muted timeline-empty">{t('leaders.noDatedIdeas')}</p>
      ) : (
        <div className="timeline-grid" style={{ gridTemplateColumns: columns }}>
          {years.map((year) => {
            const first = layout.months.indexOf(`${year}-01`);
            return (
              <div
                key={year}
                className="timeline-year"
                style={{
                  gridRow: 1,
                  gridColumn: `${Math.max(first, 0) + 2} / span ${layout.months.filter((m) => m.startsWith(year)).length}`,
                }}
              >
                {year}
              </div>
            );
          })}
          {layout.months.map((month, index) => (
            <div key={month} className="timeline-month" style={{ gridRow: 2, gridColumn: index + 2 }}>
              {formatShortMonth(month, locale)}
            </div>
          ))}
          {layout.months.map((month, index) => (
            <div
              key={`line-${month}`}
              className={month.endsWith('-01') ? 'timeline-gridline timeline-gridline-year' : 'timeline-gridline'}
              style={{ gridRow: `3 / span ${layout.bars.length}`, gridColumn: index + 2 }}
              aria-hidden="true"
            />
          ))}
          {layout.bars.map((bar, row) => {
            const idea = byId.get(bar.id);
            if (!idea) return null;
            const a = idea.assessment;
            return (
              <div key={bar.id} className="timeline-row">
                <button
                  type="button"
                  className="timeline-label"
                  style={{ gridRow: row + 3, gridColumn: 1 }}
                  onClick={(event) => onOpen(idea, event.currentTarget)}
                >
                  <span className="timeline-rank">{a?.rank ?? '–'}</span>
                  {idea.title}
                </button>
                <button
                  type="button"
                  className="timeline-bar"
                  data-decision={bar.decision ?? 'undecided'}
                  data-testid="timeline-bar"
                  data-idea-id={bar.id}
                  data-open-ended={bar.openEnded || undefined}
                  style={{ gridRow: row + 3, gridColumn: `${bar.column + 2} / span ${bar.span}` }}
                  aria-label={`${idea.title}: ${formatTimeline(a?.startMonth ?? null, a?.endMonth ?? null, locale)}`}
                  onClick={(event) => onOpen(idea, event.currentTarget)}
                >
                  <span className="timeline-bar-text">
                    {formatTimeline(a?.startMonth ?? null, a?.endMonth ?? null, locale)}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      )}
      {layout.undated.length > 0 && (
        <section className="timeline-undated">
          <h2 className="timeline-undated-title">{t('leaders.undated')}</h2>
          <ul>
            {layout.undated.map((id) => {
              const idea = byId.get(id);
              if (!idea) return null;
              return (
                <li key={id}>
                  <button
                    type="button"
                    className="timeline-undated-idea"
                    onClick={(e) => onOpen(idea, e.currentTarget)}
                  >
                    <DecisionBadge decision={idea.assessment?.decision ?? null} />
                    {idea.title}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <ul className="timeline-legend" aria-hidden="true">
        {(['start_now', 'council', 'on_hold'] as const).map((d) => (
          <li key={d}>
            <DecisionBadge decision={d} />
          </li>
        ))}
      </ul>
    </div>
  );
}

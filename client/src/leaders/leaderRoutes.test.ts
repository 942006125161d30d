import { describe, expect, it } from 'vitest';
import { leaderPanelPath, leaderScreenPath, parseRoute, publishedCatalogPath } from '../routing/routes';

describe('leader panel routes', () => {
  it('maps the leader panel, its presentation and the published catalog', () => {
    expect(parseRoute(leaderPanelPath('w 1'))).toEqual({ name: 'leaders', workshopId: 'w 1' });
    expect(parseRoute(leaderScreenPath('w1'))).toEqual({ name: 'leadersScreen', workshopId: 'w1' });
    expect(leaderScreenPath('w1', 'timeline')).toBe('/w/w1/leaders/screen?view=timeline');
    expect(parseRoute(publishedCatalogPath('w1'))).toEqual({ name: 'published', workshopId: 'w1' });
    expect(parseRoute('/w/w1/leaders/other')).toEqual({ name: 'notFound' });
  });
});

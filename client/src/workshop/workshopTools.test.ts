import { describe, expect, it } from 'vitest';
import { parseRoute, workshopToolPath } from '../routing/routes';
import { toolsFor } from './workshopTools';

describe("the workshop's tools", () => {
  it('offers participants and leaders questions, their own reflection and the evaluation; leaders also the catalog', () => {
    expect(toolsFor('participant')).toEqual(['questions', 'reflection', 'evaluation']);
    expect(toolsFor('leader')).toEqual(['catalog', 'questions', 'reflection', 'evaluation']);
  });

  it('offers the facilitator no reflection (it is private to each person), and viewers only the questions', () => {
    expect(toolsFor('facilitator')).toEqual(['catalog', 'questions', 'evaluation']);
    expect(toolsFor('viewer')).toEqual(['questions']);
  });

  it('has a route for every tool, and the route leads back to the same tool', () => {
    for (const tool of ['questions', 'evaluation', 'reflection', 'catalog'] as const) {
      const path = workshopToolPath('w 1', tool);
      expect(path).toBe(`/w/w%201/${tool}`);
      expect(parseRoute(path)).toEqual({ name: tool, workshopId: 'w 1' });
      expect(parseRoute(`${path}/`)).toEqual({ name: tool, workshopId: 'w 1' });
    }
    expect(parseRoute('/w/abc/other')).toEqual({ name: 'notFound' });
  });
});

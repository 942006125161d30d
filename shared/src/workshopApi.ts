import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { ROLES } from './access.js';
import { BOARD_KINDS } from './board.js';
import { NAME_MAX, PASSWORD_MIN } from './names.js';
import { literals } from './schemaHelpers.js';

/** JSON schemas of the workshop, access and join API (docs/api.md). */

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
/** A wall-clock time of day, "09:30" (the session's place's local time). */
export const ClockTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });

export const SESSION_KINDS = ['leadership', 'employee_day', 'other'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const AGENDA_KINDS = [
  'talk',
  'plenum',
  'group_work',
  'reflection',
  'leader_panel',
  'evaluation',
  'break',
  'other',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export const SESSION_STATUSES = ['planned', 'open', 'ended'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** `municipal-process` is neutral (no sector's text); the others are worked examples of it. */
export const WORKSHOP_TEMPLATES = ['municipal-process', 'business-service', 'elder-care', 'blank'] as const;
export type WorkshopTemplate = (typeof WORKSHOP_TEMPLATES)[number];

export const JOIN_CODE_PATTERN = '^[A-Z0-9]{6}$';

// ---- entities ---------------------------------------------------------------

export const Facilitator = Type.Object({ id: Id, name: Type.String(), email: Type.String() });
export type Facilitator = Static<typeof Facilitator>;

export const Me = Type.Object({
  facilitator: Nullable(Facilitator),
  /** True on a fresh install: the start page offers to create the first facilitator account. */
  needsFirstAccount: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const AgendaItem = Type.Object({
  id: Id,
  title: Type.String(),
  kind: literals(AGENDA_KINDS),
  /** What the item is about: shown to participants under its title (plain text). */
  text: Type.String(),
  minutes: Type.Integer({ minimum: 0, maximum: 600 }),
});
export type AgendaItem = Static<typeof AgendaItem>;

export const Group = Type.Object({
  id: Id,
  name: Type.String(),
  memberIds: Type.Array(Id),
  boardId: Nullable(Id),
});
export type Group = Static<typeof Group>;

export const SessionBoard = Type.Object({
  id: Id,
  title: Type.String(),
  kind: literals(BOARD_KINDS),
  groupId: Nullable(Id),
  archived: Type.Boolean(),
  access: literals(['write', 'read'] as const),
});
export type SessionBoard = Static<typeof SessionBoard>;

export const Session = Type.Object({
  id: Id,
  title: Type.String(),
  kind: literals(SESSION_KINDS),
  date: Nullable(IsoDate),
  /** When the first agenda item starts; the others' clock times follow from the durations. */
  startTime: Nullable(ClockTime),
  place: Type.String(),
  status: literals(SESSION_STATUSES),
  /** Only for those who may facilitate. */
  joinCode: Nullable(Type.String()),
  mode: literals(['plenum', 'groups'] as const),
  /** Table boards stay writable for participants in plenum. */
  tablesOpen: Type.Boolean(),
  currentItemId: Nullable(Id),
  currentItemStartedAt: Nullable(Type.String({ format: 'date-time' })),
  agenda: Type.Array(AgendaItem),
  groups: Type.Array(Group),
  /** The boards this caller may open (leadership boards are absent for those who may not see them). */
  boards: Type.Array(SessionBoard),
});
export type Session = Static<typeof Session>;

export const Person = Type.Object({
  id: Id,
  name: Type.String(),
  department: Nullable(Type.String()),
  role: literals(ROLES),
  joinedAt: Type.String({ format: 'date-time' }),
  revoked: Type.Boolean(),
});
export type Person = Static<typeof Person>;

export const WorkshopSummary = Type.Object({
  id: Id,
  title: Type.String(),
  organisation: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  sessionCount: Type.Integer(),
});
export type WorkshopSummary = Static<typeof WorkshopSummary>;

export const Prompts = Type.Object({
  /** The home reflection's question, shown above each person's reflection. */
  reflection: Type.String(),
  /** The hint under the questions page's text field (an example question). */
  questionsHint: Type.String(),
  /** The 1–5 rating questions the evaluation form opens with. */
  evaluation: Type.Array(Type.String()),
});
export type Prompts = Static<typeof Prompts>;

export const WorkshopDetail = Type.Object({
  workshop: WorkshopSummary,
  /** The caller's role in this workshop. */
  role: literals(ROLES),
  /** The caller's person id (null for facilitators, who have accounts instead). */
  personId: Nullable(Id),
  sessions: Type.Array(Session),
  /** The texts the facilitator wrote for this process (reflection question, questions hint, evaluation). */
  prompts: Prompts,
  /** Empty unless the caller may see people. */
  people: Type.Array(Person),
});
export type WorkshopDetail = Static<typeof WorkshopDetail>;

// ---- requests ---------------------------------------------------------------

const PersonName = Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: '\\S' });

export const SignUpBody = Type.Object(
  {
    name: PersonName,
    email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' }),
    password: Type.String({ minLength: PASSWORD_MIN, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type SignUpBody = Static<typeof SignUpBody>;

export const SignInBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const CreateWorkshopBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
    organisation: Type.Optional(Type.String({ maxLength: 120 })),
    template: literals(WORKSHOP_TEMPLATES),
    /** A template this facilitator saved ("save as template"); overrides `template`. */
    savedTemplateId: Type.Optional(Id),
    /** First session's date; the template spaces the others over about two months. */
    startDate: Type.Optional(IsoDate),
    /** Language of the template's session and agenda titles (default Danish). */
    language: Type.Optional(literals(['da', 'en'] as const)),
  },
  { additionalProperties: false },
);
export type CreateWorkshopBody = Static<typeof CreateWorkshopBody>;

export const SplitGroupsBody = Type.Object(
  { count: Type.Integer({ minimum: 1, maximum: 20 }), by: literals(['random', 'department'] as const) },
  { additionalProperties: false },
);
export type SplitGroupsBody = Static<typeof SplitGroupsBody>;

export const AssignGroupBody = Type.Object({ personId: Id, groupId: Nullable(Id) }, { additionalProperties: false });
export type AssignGroupBody = Static<typeof AssignGroupBody>;

export const SetCurrentItemBody = Type.Object({ itemId: Nullable(Id) }, { additionalProperties: false });
export type SetCurrentItemBody = Static<typeof SetCurrentItemBody>;

export const GroupWorkBody = Type.Object(
  {
    open: Type.Boolean(),
    /** Back in plenum, the tables stay writable for participants (default: they become read-only). */
    keepTablesOpen: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type GroupWorkBody = Static<typeof GroupWorkBody>;

/**
 * A random key this browser keeps (localStorage) and sends when it joins: joining again from the
 * same browser returns the same person, and a browser whose person was revoked is refused.
 */
export const BrowserKey = Type.String({ pattern: '^[A-Za-z0-9_-]{22,64}$' });

export const JoinBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 16 }),
    name: PersonName,
    department: Type.Optional(Type.String({ maxLength: NAME_MAX })),
    browserKey: Type.Optional(BrowserKey),
  },
  { additionalProperties: false },
);
export type JoinBody = Static<typeof JoinBody>;

export const CreateInviteBody = Type.Object(
  {
    role: literals(['leader', 'viewer'] as const),
    ttlDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    /** The link lets one person in, once. */
    singleUse: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateInviteBody = Static<typeof CreateInviteBody>;

export const Invite = Type.Object({
  id: Id,
  /** Path of the link to share, e.g. `/invite/<token>`; the client prefixes its origin. Null once it cannot be used. */
  path: Nullable(Type.String()),
  role: literals(['leader', 'viewer'] as const),
  singleUse: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  usedAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
  /** How many people came in by this link. */
  joined: Type.Integer({ minimum: 0 }),
});
export type Invite = Static<typeof Invite>;

export const InviteList = Type.Object({ invites: Type.Array(Invite) });
export type InviteList = Static<typeof InviteList>;

const InviteToken = Type.String({ minLength: 10, maxLength: 2048 });

export const AcceptInviteBody = Type.Object(
  { invite: InviteToken, name: PersonName, browserKey: Type.Optional(BrowserKey) },
  { additionalProperties: false },
);
export type AcceptInviteBody = Static<typeof AcceptInviteBody>;

export const InvitePreviewBody = Type.Object({ invite: InviteToken }, { additionalProperties: false });
export type InvitePreviewBody = Static<typeof InvitePreviewBody>;

/** What an invite link leads to, shown before the person gives their name. */
export const InvitePreview = Type.Object({
  workshopTitle: Type.String(),
  role: literals(['leader', 'viewer'] as const),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type InvitePreview = Static<typeof InvitePreview>;

/** A new participant code for a session (the old one stops working), or none (nobody can join by code). */
export const JoinCodeBody = Type.Object(
  { action: literals(['regenerate', 'close'] as const) },
  { additionalProperties: false },
);
export type JoinCodeBody = Static<typeof JoinCodeBody>;

/** Merges a duplicate person into `into`: the duplicate is removed, its browsers come back as `into`. */
export const MergePersonBody = Type.Object({ into: Id }, { additionalProperties: false });
export type MergePersonBody = Static<typeof MergePersonBody>;

/** What joining (by code or invite) returns: a scoped, signed, expiring token and where to go. */
export const Grant = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  person: Person,
  workshopId: Id,
  sessionId: Nullable(Id),
  /** The board to open first: the person's table during group work, else the plenum. */
  landingBoardId: Nullable(Id),
});
export type Grant = Static<typeof Grant>;

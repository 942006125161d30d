import { type Static, Type } from '@sinclair/typebox';
import { PASSWORD_MIN } from './names.js';
import { IsoDate } from './workshopApi.js';

/** JSON schemas of facilitator administration: workshops' state, co-facilitators, passwords (docs/api.md). */

const Password = Type.String({ minLength: PASSWORD_MIN, maxLength: 200 });
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });
/** A link's secret: 43 characters of base64url (32 random bytes). */
const LinkToken = Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });

/** How long a co-facilitator invite and a password reset link work. */
export const COFACILITATOR_LINK_DAYS = 7;
export const RESET_LINK_HOURS = 24;

export const AdminWorkshop = Type.Object({
  id: Type.String(),
  title: Type.String(),
  organisation: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  /** Null while in use; archived workshops are listed apart and can be brought back. */
  archivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  retainUntil: Type.Union([IsoDate, Type.Null()]),
  purgeSoon: Type.Boolean(),
  sessions: Type.Object({ planned: Type.Integer(), open: Type.Integer(), ended: Type.Integer() }),
  facilitators: Type.Array(Type.String()),
});
export type AdminWorkshop = Static<typeof AdminWorkshop>;

export const AdminWorkshopList = Type.Object({ workshops: Type.Array(AdminWorkshop) });
export type AdminWorkshopList = Static<typeof AdminWorkshopList>;

export const ArchiveBody = Type.Object({ archived: Type.Boolean() }, { additionalProperties: false });
export type ArchiveBody = Static<typeof ArchiveBody>;

/** A link to pass on by hand (or by e-mail where SMTP is set up): an app path with its secret. */
export const AdminLink = Type.Object({ path: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });
export type AdminLink = Static<typeof AdminLink>;

export const AcceptCofacilitatorBody = Type.Object({ token: LinkToken }, { additionalProperties: false });
export type AcceptCofacilitatorBody = Static<typeof AcceptCofacilitatorBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const ResetLinkBody = Type.Object({ email: Email }, { additionalProperties: false });
export type ResetLinkBody = Static<typeof ResetLinkBody>;

export const ResetPasswordBody = Type.Object({ token: LinkToken, password: Password }, { additionalProperties: false });
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;

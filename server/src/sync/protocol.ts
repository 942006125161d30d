import { MessageType } from '@samle/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** y-protocols sync sub-types (second varint of a sync message). */
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const;

export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  /** `step2`: the client's answer to the server's step 1 (everything it has that the server lacks). */
  | { kind: 'update'; update: Uint8Array; step2: boolean }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'auth' };

export class MalformedMessageError extends Error {
  readonly code = 'SAMLE_MALFORMED_MESSAGE';
}

/**
 * Decodes one client frame. Throws MalformedMessageError for anything that is
 * not a well-formed y-websocket message; lib0 throws plain errors on truncated
 * input, which are wrapped here so callers have one thing to catch.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SyncStep.Step1) {
          // Validate the state vector now, so a bad one cannot throw later while answering.
          Y.decodeStateVector(payload);
          return { kind: 'syncStep1', stateVector: payload };
        }
        if (step === SyncStep.Step2 || step === SyncStep.Update) {
          return { kind: 'update', update: payload, step2: step === SyncStep.Step2 };
        }
        throw new MalformedMessageError(`unknown sync step ${step}`);
      }
      case MessageType.Awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MessageType.QueryAwareness:
        return { kind: 'queryAwareness' };
      case MessageType.Auth:
        return { kind: 'auth' };
      default:
        throw new MalformedMessageError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(`undecodable frame: ${(error as Error).message}`);
  }
}

export interface UpdateShape {
  isEmpty: boolean;
  /** Yjs client ids the update's new content is written under. */
  clients: Set<number>;
}

/**
 * Fully decodes a Yjs update without applying it, so garbage is refused before it
 * reaches the doc. Some malformed updates still decode cleanly and only fail during
 * integration; the room handles those (see Room.acceptUpdate).
 */
export function inspectUpdate(update: Uint8Array): UpdateShape {
  try {
    const decoded = Y.decodeUpdate(update);
    return {
      isEmpty: decoded.structs.length === 0 && decoded.ds.clients.size === 0,
      clients: new Set(decoded.structs.map((struct) => struct.id.client)),
    };
  } catch (error) {
    throw new MalformedMessageError(`invalid Yjs update: ${(error as Error).message}`);
  }
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  stateJson: string;
}

/** Reads an awareness update into its entries, so sizes can be checked before anything is applied. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    // Each entry takes at least 3 bytes; a larger count is a lie that would make us loop for nothing.
    if (count > update.byteLength) throw new MalformedMessageError(`awareness count ${count} exceeds frame`);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const stateJson = decoding.readVarString(decoder);
      entries.push({ clientId, clock, stateJson });
    }
    for (const entry of entries) JSON.parse(entry.stateJson);
    return entries;
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(`invalid awareness update: ${(error as Error).message}`);
  }
}

function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** The server's state vector, sent on connect. */
export const encodeSyncStep1 = (stateVector: Uint8Array) => encodeSync(SyncStep.Step1, stateVector);
/** The answer to a client's step 1: what it lacks. */
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(SyncStep.Step2, update);
/** A relayed update. */
export const encodeUpdate = (update: Uint8Array) => encodeSync(SyncStep.Update, update);

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A close reason must fit in 123 bytes. */
export function truncateReason(reason: string): string {
  return reason.length > 120 ? `${reason.slice(0, 117)}...` : reason;
}

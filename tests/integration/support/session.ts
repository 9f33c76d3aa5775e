// Who the actions under test see as the caller (see ../setup.ts).
export const testSession: { sessionId: string | null } = { sessionId: null };

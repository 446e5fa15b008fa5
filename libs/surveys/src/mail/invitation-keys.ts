/**
 * Outbox effect keys of invitation and reminder e-mails. They name the
 * recipient, so the mailer can record a rejected address against them.
 */
export function invitationKey(recipientId: string, reminderAt?: Date): string {
  return reminderAt ? `remind:${recipientId}:${reminderAt.getTime()}` : `invite:${recipientId}`;
}

export function recipientOfInvitation(effectKey: string): string | null {
  return /^(?:invite|remind):([0-9a-f-]{36})(?::\d+)?$/.exec(effectKey)?.[1] ?? null;
}

/** What went wrong, so callers (HTTP layer, importers) can map it without parsing text. */
export type ScoringErrorCode =
  | 'UNKNOWN_SCALE'
  | 'INVALID_SCALE'
  | 'UNKNOWN_LEVEL'
  | 'INVALID_DISTRIBUTION'
  | 'INVALID_WEIGHTS'
  | 'INVALID_BANDS'
  | 'INVALID_ARGUMENT';

/** The one error type of this library; `message` names the offending input. */
export class ScoringError extends Error {
  constructor(
    readonly code: ScoringErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScoringError';
  }
}

import { DomainError, ErrorKind } from '@hst/common';

export enum SubjectErrorCode {
  DuplicateUscc = 'duplicate_uscc',
  DuplicateEmail = 'duplicate_email',
}

const MESSAGES: Record<SubjectErrorCode, [ErrorKind, string]> = {
  [SubjectErrorCode.DuplicateUscc]: [ErrorKind.Conflict, 'A subject with this uscc is already registered'],
  [SubjectErrorCode.DuplicateEmail]: [ErrorKind.Conflict, 'A user with this email already exists'],
};

export class SubjectException extends DomainError {
  constructor(code: SubjectErrorCode) {
    const [kind, message] = MESSAGES[code];
    super(kind, code, message);
  }
}

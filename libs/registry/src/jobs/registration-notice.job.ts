/** `registration-notice` jobs: 'end' ends one registration's notice; 'sweep' ends every notice that is due. */
export type RegistrationNoticeJob = { registrationId: string } | Record<string, never>;

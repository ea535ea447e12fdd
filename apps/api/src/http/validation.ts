import { ValidationPipe } from '@nestjs/common';

/** Unknown fields are refused, values are converted to the DTO's types. */
export const validationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });

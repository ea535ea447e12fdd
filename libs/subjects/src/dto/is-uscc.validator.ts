import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidUscc } from '../uscc';

export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isUscc',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be an 18-character 统一社会信用代码 with a valid GB 32100-2015 check character',
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidUscc(value) },
    });
}

// Used by the TypeORM CLI only (migration:generate, migration:run); the apps build their own DataSource.
import 'reflect-metadata';
import { validateEnv } from '@hst/common';
import { DataSource } from 'typeorm';
import { typeormOptions } from './typeorm-options';

export default new DataSource({
  ...typeormOptions(validateEnv(process.env).DATABASE_URL),
  entities: [`${__dirname}/../../*/src/entities/*.entity.{ts,js}`],
});

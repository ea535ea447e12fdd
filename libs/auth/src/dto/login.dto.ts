import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@hst.local' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

export class TokenResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
}

class MeUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
}

class MeSubject {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() uscc: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty() status: string;
}

export class MeResponse {
  @ApiProperty({ type: MeUser }) user: MeUser;
  @ApiProperty({ type: MeSubject }) subject: MeSubject;
}

import { Actor, Public } from '@hst/common';
import { AllowInactive, AuthService, CurrentActor, LoginDto, LoginGuard, MeResponse, TokenResponse } from '@hst/auth';
import { RegisterDto, SignUpResponse, SubjectsService, UserEntity } from '@hst/subjects';
import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly subjects: SubjectsService,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Register a market subject (市场主体) and its first user; it starts pending' })
  @ApiCreatedResponse({ type: SignUpResponse })
  @ApiErrors(400, 409, 413)
  register(@Body() dto: RegisterDto): Promise<SignUpResponse> {
    return this.subjects.register(dto);
  }

  @Public()
  @UseGuards(LoginGuard)
  @Post('login')
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiOperation({ summary: 'Exchange email and password for a bearer token' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiErrors(400, 401, 429)
  login(@Req() request: { user: UserEntity }): Promise<TokenResponse> {
    return this.auth.issueToken(request.user);
  }

  @AllowInactive()
  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The calling user and its subject (also for pending and suspended subjects)' })
  @ApiOkResponse({ type: MeResponse })
  @ApiErrors(401)
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.auth.me(actor);
  }
}

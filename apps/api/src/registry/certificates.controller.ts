import { CurrentActor, Roles } from '@hst/auth';
import { Actor, Public } from '@hst/common';
import {
  CertificateResponse,
  CertificateService,
  CertificateVerification,
  SigningKeyResponse,
  TransferCertificateDto,
} from '@hst/registry';
import { ReasonDto } from '@hst/subjects';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { CertNoPipe } from './cert-no.pipe';

@ApiTags('registry')
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificateService) {}

  @Public()
  @Get('keys')
  @ApiOperation({ summary: 'The public keys that sign certificates, for offline verification' })
  @ApiOkResponse({ type: [SigningKeyResponse] })
  keys(): Promise<SigningKeyResponse[]> {
    return this.certificates.keysList();
  }

  @Public()
  @Get(':certNo')
  @ApiOperation({ summary: 'A certificate with its Ed25519 signature (public)' })
  @ApiOkResponse({ type: CertificateResponse })
  @ApiErrors(404)
  get(@Param('certNo', CertNoPipe) certNo: string): Promise<CertificateResponse> {
    return this.certificates.get(certNo);
  }

  @Public()
  @Get(':certNo/verify')
  @ApiOperation({ summary: 'Checks signature, status and validity period (public)' })
  @ApiOkResponse({ type: CertificateVerification })
  @ApiErrors(404)
  verify(@Param('certNo', CertNoPipe) certNo: string): Promise<CertificateVerification> {
    return this.certificates.verify(certNo);
  }

  @Post(':certNo/revoke')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOperation({ summary: 'valid → revoked; products relying on it are suspended (admin)' })
  @ApiOkResponse({ type: CertificateResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('certNo', CertNoPipe) certNo: string,
    @Body() dto: ReasonDto,
  ): Promise<CertificateResponse> {
    return this.certificates.revoke(actor, certNo, dto.reason);
  }

  @Post(':certNo/transfer')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The holder transfers it: old → transferred, the receiver gets a new certificate' })
  @ApiOkResponse({ type: CertificateResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  transfer(
    @CurrentActor() actor: Actor,
    @Param('certNo', CertNoPipe) certNo: string,
    @Body() dto: TransferCertificateDto,
  ): Promise<CertificateResponse> {
    return this.certificates.transfer(actor, certNo, dto.toSubjectId);
  }
}

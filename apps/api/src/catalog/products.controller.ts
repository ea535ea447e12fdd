import { CurrentActor, Roles } from '@hst/auth';
import {
  CreateProductDto,
  DatasetUploadResponse,
  PRODUCT_OWNER_ROLES,
  productActionRoles,
  ProductPage,
  ProductResponse,
  ProductsQuery,
  ProductsService,
  UpdateProductDto,
} from '@hst/catalog';
import { Actor, Public } from '@hst/common';
import { ReasonDto } from '@hst/subjects';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { datasetUpload } from './dataset-upload';
import { OptionalActor, OptionalJwtGuard } from './optional-actor';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @Public()
  @UseGuards(OptionalJwtGuard)
  @ApiOperation({
    summary: 'Search the public catalog (listed products of active vendors), or mine=true: your own in any state',
  })
  @ApiOkResponse({ type: ProductPage })
  @ApiErrors(400, 401)
  list(@OptionalActor() actor: Actor | null, @Query() query: ProductsQuery): Promise<ProductPage> {
    return this.products.list(actor, query);
  }

  @Get(':id')
  @Public()
  @UseGuards(OptionalJwtGuard)
  @ApiOperation({ summary: 'A product: public when listed; any state to its owner, admins and regulators' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiErrors(400, 404)
  get(@OptionalActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<ProductResponse> {
    return this.products.get(actor, id);
  }

  @Post()
  @Roles(...PRODUCT_OWNER_ROLES)
  @ApiOperation({ summary: 'Create a draft product (vendor, operator)' })
  @ApiCreatedResponse({ type: ProductResponse })
  @ApiErrors(400, 401, 403, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProductDto): Promise<ProductResponse> {
    return this.products.create(actor, dto);
  }

  @Patch(':id')
  @Roles(...PRODUCT_OWNER_ROLES)
  @ApiOperation({ summary: 'Edit a draft or rejected product (owner); never its status' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateProductDto,
  ): Promise<ProductResponse> {
    return this.products.update(actor, id, dto);
  }

  @Put(':id/dataset')
  @Roles(...PRODUCT_OWNER_ROLES)
  @ApiOperation({
    summary: 'Upload (replace) the dataset of a draft or rejected product (owner): JSON { records } or text/csv',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'object', properties: { records: { type: 'array', items: { type: 'object' } } } },
        { type: 'string', description: 'CSV with a header row' },
      ],
    },
  })
  @ApiOkResponse({ type: DatasetUploadResponse })
  @ApiErrors(400, 401, 403, 404, 409, 413, 415)
  uploadDataset(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<DatasetUploadResponse> {
    return this.products.uploadDataset(actor, id, datasetUpload(contentType, body));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(...productActionRoles('submit'))
  @ApiOperation({
    summary: 'draft | rejected → pending_review (owner); needs a valid certificate with the operation right',
  })
  @ApiOkResponse({ type: ProductResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProductResponse> {
    return this.products.transition(actor, id, 'submit');
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...productActionRoles('approve'))
  @ApiOperation({ summary: 'pending_review → listed (admin); the submission rules are checked again' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProductResponse> {
    return this.products.transition(actor, id, 'approve');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...productActionRoles('reject'))
  @ApiOperation({ summary: 'pending_review → rejected (admin)' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<ProductResponse> {
    return this.products.transition(actor, id, 'reject', dto.reason);
  }

  @Post(':id/delist')
  @HttpCode(200)
  @Roles(...productActionRoles('delist'))
  @ApiOperation({ summary: 'listed → delisted (owner, admin)' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  delist(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProductResponse> {
    return this.products.transition(actor, id, 'delist');
  }

  @Post(':id/relist')
  @HttpCode(200)
  @Roles(...productActionRoles('relist'))
  @ApiOperation({ summary: 'delisted | suspended → pending_review (owner); the submission rules are checked again' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  relist(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProductResponse> {
    return this.products.transition(actor, id, 'relist');
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles(...productActionRoles('suspend'))
  @ApiOperation({ summary: 'listed | pending_review → suspended (admin, regulator)' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  suspend(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<ProductResponse> {
    return this.products.transition(actor, id, 'suspend', dto.reason);
  }
}

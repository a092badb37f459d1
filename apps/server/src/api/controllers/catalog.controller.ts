import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACTIVITY_KINDS, ORG_KIND_INFO } from '../../../../../libs/domain/src';
import { listTemplates } from '../../../../../libs/report/src';

/** The catalog a client needs to build a form: activity kinds with synonyms and qualifiers, org kinds, templates. */
@ApiTags('目录 catalog')
@Controller('api')
export class CatalogController {
  @Get('kinds')
  @ApiOperation({ summary: '活动类型目录', description: '`taizhang kinds --json`：`{kinds}`（id、中文名、同义词、细分）' })
  kinds() {
    return { kinds: ACTIVITY_KINDS };
  }

  @Get('org-kinds')
  @ApiOperation({ summary: '组织类型' })
  orgKinds() {
    return { orgKinds: Object.values(ORG_KIND_INFO) };
  }

  @Get('templates')
  @ApiOperation({ summary: '内置报告模板' })
  templates() {
    return { templates: listTemplates() };
  }
}

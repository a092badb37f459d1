import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CSRF_HEADER } from '../auth/csrf';
import { SESSION_COOKIE } from '../auth/cookies';

export const API_DOCS_PATH = 'api/docs';

/**
 * OpenAPI docs of the REST API: the Swagger UI at `/api/docs`, the document at `/api/docs-json`.
 * Served outside the controllers (no session needed): they describe the API, they hold no data.
 */
export function setupApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('台账 Taizhang API')
    .setDescription(
      [
        '党建活动台账的 REST 接口：与命令行 `taizhang` 相同的命令和查询，JSON 与其 `--json` 输出相同。',
        '',
        '登录：`POST /api/session` `{username, password}` → `{csrfToken}` 和会话 Cookie；此后每个 POST 请求带请求头 `X-CSRF-Token`。',
        '错误：400 `{error: "invalid-input", issues: [{field, message, messageEn}]}`；401 未登录；403 超出账号范围或缺少 CSRF 令牌；404 记录不存在；409 冲突。',
        '范围：每个请求都在服务器端按账号的组织范围（该组织及其下级）检查；审计账号只读。',
      ].join('\n'),
    )
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE)
    .addApiKey({ type: 'apiKey', in: 'header', name: CSRF_HEADER }, 'csrf')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  for (const [path, item] of Object.entries(document.paths)) {
    // Only the REST API: pages and the health check are not part of it.
    if (!path.startsWith('/api/')) {
      delete document.paths[path];
      continue;
    }
    if (item.get) item.get.security = [{ cookie: [] }];
    if (item.post) item.post.security = [{ cookie: [], csrf: [] }];
  }
  SwaggerModule.setup(API_DOCS_PATH, app, document, {
    jsonDocumentUrl: `${API_DOCS_PATH}-json`,
    customSiteTitle: '台账 API 文档',
    swaggerOptions: { withCredentials: true },
  });
}

import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { ConflictError } from '../../../../libs/application/src/errors';
import { ValidationError } from '../../../../libs/domain/src/errors';
import { TemplateError } from '../../../../libs/report/src/helpers/template-error';
import { describeError, issuesByField } from './describe-error';

describe('describeError', () => {
  it('maps refused input to 400 with its field issues', () => {
    const d = describeError(ValidationError.of('date', '日期不能晚于今天', 'date is in the future'));
    expect(d.status).toBe(400);
    expect(d.body).toMatchObject({ error: 'invalid-input', issues: [{ field: 'date', message: '日期不能晚于今天', messageEn: 'date is in the future' }] });
    expect(d.message).toBe('日期不能晚于今天');
  });

  it('maps conflicts to 409 and template errors to 400', () => {
    expect(describeError(new ConflictError('stream x')).status).toBe(409);
    expect(describeError(new ConflictError('stream x')).body.error).toBe('conflict');
    const t = describeError(new TemplateError('branch', '未知的活动类型', 'unknown kind'));
    expect(t.status).toBe(400);
    expect(t.body).toMatchObject({ error: 'invalid-template', template: 'branch' });
  });

  it('keeps an HttpException’s status and body, and finds a Chinese sentence for the page', () => {
    const own = describeError(new ForbiddenException({ error: 'forbidden', message: '无权查看组织“b2”' }));
    expect(own).toMatchObject({ status: 403, body: { error: 'forbidden', message: '无权查看组织“b2”' }, message: '无权查看组织“b2”' });
    const builtIn = describeError(new NotFoundException('Cannot GET /x'));
    expect(builtIn.status).toBe(404);
    expect(builtIn.body).toMatchObject({ message: 'Cannot GET /x' });
    expect(builtIn.message).toBe('页面不存在');
  });

  it('hides the details of unexpected errors (500, logged by the filter)', () => {
    const d = describeError(new TypeError('cannot read properties of undefined (reading "secret")'));
    expect(d).toMatchObject({ status: 500, expected: false, body: { error: 'failure' } });
    expect(JSON.stringify(d.body)).not.toContain('secret');
  });

  it('groups issues by field for forms', () => {
    expect(
      issuesByField([
        { field: 'a', message: '甲', messageEn: 'a' },
        { field: 'a', message: '乙', messageEn: 'b' },
        { field: 'b', message: '丙', messageEn: 'c' },
      ]),
    ).toEqual({ a: '甲；乙', b: '丙' });
  });
});

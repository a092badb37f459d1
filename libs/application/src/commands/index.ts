import { CorrectActivityHandler, LogActivityHandler, VoidActivityHandler } from './activity.commands';
import { ChangeMemberStatusHandler, EnrollMemberHandler, MemberLeaveHandler, TransferMemberHandler } from './member.commands';
import {
  DissolveOrganizationHandler,
  MoveOrganizationHandler,
  RegisterOrganizationHandler,
  RenameOrganizationHandler,
} from './organization.commands';
import { RebuildHandler } from './rebuild.command';
import { RecordReportHandler } from './report.commands';

export * from './activity.commands';
export * from './member.commands';
export * from './organization.commands';
export * from './rebuild.command';
export * from './report.commands';

export const COMMAND_HANDLERS = [
  RegisterOrganizationHandler,
  RenameOrganizationHandler,
  MoveOrganizationHandler,
  DissolveOrganizationHandler,
  EnrollMemberHandler,
  TransferMemberHandler,
  ChangeMemberStatusHandler,
  MemberLeaveHandler,
  LogActivityHandler,
  CorrectActivityHandler,
  VoidActivityHandler,
  RecordReportHandler,
  RebuildHandler,
];

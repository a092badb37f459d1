/** Chinese labels for identifiers shown to users: the domain's, shared with the web pages. */
export { EVENT_TYPE_LABELS, MEASURE_LABELS, MEMBER_STATUS_LABELS, SOURCE_LABELS } from '../../../../libs/domain/src';

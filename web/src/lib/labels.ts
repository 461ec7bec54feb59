import type {
  AlertKind,
  DocumentType,
  MemberStatus,
  OrgCategory,
  OrgKind,
  PetitionField,
  PositionKind,
  RaisedByKind,
  RoleKind,
  Sex,
  VisitKind,
  VisitPlanState,
  VisitStatus,
} from './types';

export const KIND_LABELS: Record<OrgKind, string> = {
  central: 'Trung ương',
  province: 'Tỉnh/Thành ủy',
  commune_committee: 'Đảng ủy xã/phường',
  grassroots_committee: 'Đảng bộ cơ sở',
  grassroots_cell: 'Chi bộ cơ sở',
  subordinate_cell: 'Chi bộ trực thuộc',
  party_group: 'Tổ đảng',
};

export const CATEGORY_LABELS: Record<Exclude<OrgCategory, ''>, string> = {
  village: 'Thôn/xóm',
  residential_group: 'Tổ dân phố',
  agency: 'Cơ quan',
  enterprise: 'Doanh nghiệp',
  school: 'Trường học',
  armed_forces: 'Lực lượng vũ trang',
  other: 'Khác',
};

export const STATUS_LABELS: Record<MemberStatus, string> = {
  official: 'Chính thức',
  probationary: 'Dự bị',
  exempt: 'Miễn sinh hoạt',
  temporary: 'Sinh hoạt tạm thời',
  working_away: 'Làm ăn xa',
  transferred_out: 'Đã chuyển đi',
  removed: 'Đã xóa tên',
  deceased: 'Đã từ trần',
};

export const STATUS_COLORS: Record<MemberStatus, string> = {
  official: 'green',
  probationary: 'blue',
  exempt: 'gold',
  temporary: 'cyan',
  working_away: 'purple',
  transferred_out: 'default',
  removed: 'red',
  deceased: 'default',
};

export const ON_ROLL_STATUSES: MemberStatus[] = ['official', 'probationary', 'exempt', 'temporary', 'working_away'];

export const SEX_LABELS: Record<Sex, string> = { male: 'Nam', female: 'Nữ' };

export const POSITION_LABELS: Record<PositionKind, string> = {
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  committee_member: 'Chi ủy viên',
  group_leader: 'Tổ trưởng',
};

export const ROLE_LABELS: Record<RoleKind, string> = {
  administrator: 'Quản trị',
  committee: 'Cấp ủy',
  secretary: 'Bí thư chi bộ',
  member: 'Đảng viên',
};

// Document types of the register (sổ đăng ký văn bản đi), in the order of docs/api.md.
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  NQ: 'Nghị quyết',
  QD: 'Quyết định',
  KL: 'Kết luận',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  KH: 'Kế hoạch',
  CTr: 'Chương trình',
  DA: 'Đề án',
  PA: 'Phương án',
  TTr: 'Tờ trình',
  CV: 'Công văn',
  BB: 'Biên bản',
  QC: 'Quy chế',
};

// The symbol printed in a document's number ("01-QĐ/CB"); the API codes are plain ASCII ("QD").
export const DOCUMENT_TYPE_SYMBOLS: Record<DocumentType, string> = {
  NQ: 'NQ',
  QD: 'QĐ',
  KL: 'KL',
  TB: 'TB',
  BC: 'BC',
  KH: 'KH',
  CTr: 'CTr',
  DA: 'ĐA',
  PA: 'PA',
  TTr: 'TTr',
  CV: 'CV',
  BB: 'BB',
  QC: 'QC',
};

// "Nghị quyết (NQ)", for pickers.
export function documentTypeOptions(): { value: DocumentType; label: string }[] {
  return (Object.keys(DOCUMENT_TYPE_LABELS) as DocumentType[]).map((value) => ({
    value,
    label: `${DOCUMENT_TYPE_LABELS[value]} (${DOCUMENT_TYPE_SYMBOLS[value]})`,
  }));
}

// Compliance alerts (`GET /organizations/{id}/alerts`), in the order of docs/api.md.
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  missed_regular: 'Thiếu sinh hoạt thường kỳ',
  missed_thematic: 'Thiếu sinh hoạt chuyên đề',
  too_short: 'Thiếu thời lượng',
  low_attendance: 'Dự dưới 90 %',
  documents_late: 'Tài liệu gửi muộn',
  minutes_late: 'Biên bản chậm',
  report_late: 'Báo cáo chậm',
  repeated_absences: 'Vắng 3 lần không lý do',
  confirmation_due: 'Đến hạn xét chính thức',
  committee_required: 'Cần có chi ủy',
  too_few_official: 'Dưới 3 đảng viên chính thức',
  petition_overdue: 'Kiến nghị quá hạn trả lời',
};

// Tag colours: red for what the Charter requires (meetings not held, absences), orange for quality, blue for the
// roll and the cell's organisation.
export const ALERT_KIND_COLORS: Record<AlertKind, string> = {
  missed_regular: 'red',
  missed_thematic: 'volcano',
  too_short: 'orange',
  low_attendance: 'gold',
  documents_late: 'green',
  minutes_late: 'cyan',
  report_late: 'geekblue',
  repeated_absences: 'magenta',
  confirmation_due: 'blue',
  committee_required: 'purple',
  too_few_official: 'purple',
  petition_overdue: 'red',
};

export const ALERT_KINDS = Object.keys(ALERT_KIND_LABELS) as AlertKind[];

export function alertKindLabel(kind: string): string {
  return ALERT_KIND_LABELS[kind as AlertKind] ?? kind;
}

export function alertKindColor(kind: string): string {
  return ALERT_KIND_COLORS[kind as AlertKind] ?? 'default';
}

export const ACTION_LABELS: Record<string, string> = {
  create: 'Tạo mới',
  update: 'Sửa',
  delete: 'Xóa',
  move: 'Chuyển',
  merge: 'Sáp nhập',
  transfer: 'Chuyển sinh hoạt',
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  end: 'Kết thúc',
  add_role: 'Thêm quyền',
  remove_role: 'Bỏ quyền',
  'demo.load': 'Nạp dữ liệu mẫu',
  load: 'Nạp dữ liệu',
  transfer_in: 'Nhận chuyển sinh hoạt',
  merge_into: 'Nhận sáp nhập',
  add_position: 'Giao chức vụ',
  end_position: 'Kết thúc chức vụ',
  register: 'Vào sổ',
  'meeting_rule.update': 'Sửa quy định lịch sinh hoạt',
  'meeting.create': 'Lập cuộc họp',
  'meeting.move': 'Dời lịch họp',
  'meeting.cancel': 'Hủy cuộc họp',
  'scorecard.create': 'Lập phiếu đánh giá chất lượng sinh hoạt',
  'meeting.score': 'Chấm điểm sinh hoạt',
  'meeting.rescore': 'Chấm lại điểm sinh hoạt',
  'grading.open': 'Mở đợt đánh giá, xếp loại',
  'grading.record': 'Ghi đánh giá, xếp loại',
  'grading.correct': 'Điều chỉnh đánh giá, xếp loại',
  'member.letter_create': 'Cấp giấy giới thiệu sinh hoạt tạm thời',
  'member.letter_update': 'Sửa giấy giới thiệu sinh hoạt tạm thời',
  'member.letter_delete': 'Xóa giấy giới thiệu sinh hoạt tạm thời',
  'topic_orientation.create': 'Ban hành định hướng chuyên đề',
  'topic.create': 'Chọn chuyên đề theo định hướng',
  'topic.propose': 'Đề xuất chuyên đề',
  'topic.update': 'Sửa chuyên đề',
  'topic.accept': 'Chấp nhận chuyên đề chi bộ đề xuất',
  'topic.decline': 'Không chấp nhận chuyên đề chi bộ đề xuất',
  'topic.draft': 'Lưu bản dự thảo chuyên đề',
  'topic.submit': 'Trình chi ủy dự thảo chuyên đề',
  'topic.approve': 'Duyệt dự thảo chuyên đề',
  'topic.send': 'Gửi dự thảo chuyên đề đến đảng viên',
  'topic.comment': 'Góp ý dự thảo chuyên đề',
  'attendant.create': 'Phân công người dự sinh hoạt',
  'attendant.update': 'Sửa phân công dự sinh hoạt',
  'visit_plan.create': 'Lập dự thảo kế hoạch dự sinh hoạt',
  'visit_plan.edit': 'Sửa kế hoạch dự sinh hoạt',
  'visit_plan.publish': 'Công bố kế hoạch dự sinh hoạt',
  'visit_plan.delete': 'Xóa dự thảo kế hoạch dự sinh hoạt',
  'visit_report.create': 'Gửi báo cáo dự sinh hoạt',
  'petition.answer': 'Trả lời kiến nghị',
  'auth.login': 'Đăng nhập',
  'auth.logout': 'Đăng xuất',
  'calendar_feed.create': 'Tạo đường dẫn lịch sinh hoạt riêng',
  'document.register': 'Vào sổ',
  'organization.create': 'Thành lập tổ chức',
  'organization.update': 'Sửa thông tin tổ chức',
  'organization.move': 'Chuyển tổ chức sang đảng bộ khác',
  'organization.merge': 'Sáp nhập tổ chức',
  'organization.merge_into': 'Nhận tổ chức sáp nhập',
  'member.create': 'Thêm đảng viên',
  'member.update': 'Sửa hồ sơ đảng viên',
  'member.transfer': 'Chuyển sinh hoạt đảng',
  'member.transfer_in': 'Nhận chuyển sinh hoạt đảng',
  'position.create': 'Giao chức vụ',
  'position.end': 'Kết thúc chức vụ',
  'user.create': 'Tạo người dùng',
  'user.add_role': 'Thêm quyền',
  'user.remove_role': 'Bỏ quyền',
  'meeting.prepare': 'Chuẩn bị nội dung sinh hoạt',
  'meeting.notify': 'Thông báo sinh hoạt đến đảng viên',
  'meeting.record': 'Ghi biên bản sinh hoạt',
  'meeting.finalise': 'Hoàn thành biên bản, nghị quyết',
  'meeting.report': 'Báo cáo cấp ủy cấp trên',
  'meeting.amend': 'Đính chính biên bản',
  'meeting.attach': 'Đính kèm tài liệu sinh hoạt',
  'meeting.detach': 'Gỡ tài liệu sinh hoạt',
  'meeting.leave_request': 'Xin phép vắng sinh hoạt',
  'topic.assess': 'Biểu dương, rút kinh nghiệm chuyên đề',
  'topic_orientation.attach': 'Đính kèm tài liệu định hướng chuyên đề',
};

export const ENTITY_LABELS: Record<string, string> = {
  organization: 'Tổ chức',
  member: 'Đảng viên',
  position: 'Chức vụ',
  user: 'Người dùng',
  role: 'Quyền',
  session: 'Phiên',
  document: 'Văn bản',
  meeting: 'Cuộc họp',
  grading_round: 'Đợt đánh giá, xếp loại',
  topic: 'Chuyên đề',
  topic_orientation: 'Định hướng chuyên đề',
  attendant: 'Người dự sinh hoạt',
  visit_plan: 'Kế hoạch dự sinh hoạt',
  visit_report: 'Báo cáo dự sinh hoạt',
  petition: 'Kiến nghị',
};

// Committee members and staff attending cells (issue 17).
export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  meeting: 'Dự sinh hoạt chi bộ',
  grassroots: 'Đi cơ sở',
};

export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  planned: 'Chưa đến',
  attended: 'Đã dự, chờ báo cáo',
  reported: 'Đã báo cáo',
  report_late: 'Báo cáo muộn',
  report_missing: 'Chưa báo cáo (quá hạn)',
  not_held: 'Chưa thực hiện',
};

export const VISIT_STATUS_COLORS: Record<VisitStatus, string> = {
  planned: 'default',
  attended: 'blue',
  reported: 'green',
  report_late: 'orange',
  report_missing: 'red',
  not_held: 'volcano',
};

export const VISIT_PLAN_STATE_LABELS: Record<VisitPlanState, string> = {
  draft: 'Dự thảo',
  published: 'Đã công bố',
};

export const PETITION_FIELD_LABELS: Record<PetitionField, string> = {
  party_building: 'Xây dựng Đảng',
  economy: 'Kinh tế',
  land: 'Đất đai',
  social_policy: 'Chính sách xã hội',
  infrastructure: 'Hạ tầng',
  security: 'An ninh trật tự',
  environment: 'Môi trường',
  other: 'Khác',
};

export const RAISED_BY_LABELS: Record<RaisedByKind, string> = {
  member: 'Đảng viên',
  resident: 'Nhân dân',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as OrgKind] ?? kind;
}

export function categoryLabel(category: string): string {
  if (!category) return '';
  return CATEGORY_LABELS[category as Exclude<OrgCategory, ''>] ?? category;
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as MemberStatus] ?? status;
}

export function positionLabel(position: string): string {
  return POSITION_LABELS[position as PositionKind] ?? position;
}

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as RoleKind] ?? role;
}

export function actionLabel(action: string): string {
  if (ACTION_LABELS[action]) return ACTION_LABELS[action];
  // Actions like "member.update" or "organization.merge": label the verb part.
  const verb = action.split(/[.:/]/).pop() ?? action;
  return ACTION_LABELS[verb] ?? action;
}

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}

export function isCell(kind: string): boolean {
  return kind === 'grassroots_cell' || kind === 'subordinate_cell';
}

// The kind a new child of `parent` most likely has.
export function defaultChildKind(parent: OrgKind): OrgKind {
  switch (parent) {
    case 'central':
      return 'province';
    case 'province':
      return 'commune_committee';
    case 'commune_committee':
    case 'grassroots_committee':
      return 'subordinate_cell';
    default:
      return 'party_group';
  }
}

export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

// Vietnamese names of the fields that appear in audit records.
export const FIELD_LABELS: Record<string, string> = {
  id: 'Mã',
  name: 'Tên',
  kind: 'Loại tổ chức',
  category: 'Phân loại',
  address: 'Địa chỉ',
  parent_id: 'Tổ chức cấp trên',
  valid_from: 'Từ ngày',
  valid_to: 'Đến ngày',
  merged_into_id: 'Sáp nhập vào',
  into_id: 'Sáp nhập vào',
  date: 'Ngày',
  full_name: 'Họ và tên',
  given_name: 'Tên',
  sex: 'Giới tính',
  date_of_birth: 'Ngày sinh',
  status: 'Tình trạng',
  admission_date: 'Ngày vào Đảng',
  official_date: 'Ngày chính thức',
  party_card_number: 'Số thẻ đảng viên',
  citizen_id: 'Số CCCD',
  phone: 'Điện thoại',
  note: 'Ghi chú',
  party_group_id: 'Tổ đảng',
  organization_id: 'Tổ chức',
  member_id: 'Đảng viên',
  position: 'Chức vụ',
  term_start: 'Bắt đầu nhiệm kỳ',
  term_end: 'Kết thúc nhiệm kỳ',
  reason: 'Lý do',
  username: 'Tên đăng nhập',
  display_name: 'Họ và tên',
  role: 'Vai trò',
  roles: 'Quyền',
  remote_address: 'Địa chỉ IP',
  type: 'Loại văn bản',
  term: 'Nhiệm kỳ',
  number: 'Số, ký hiệu',
  issued_on: 'Ngày ban hành',
  title: 'Trích yếu',
  regular_day: 'Ngày họp hằng tháng',
  start_time: 'Giờ bắt đầu',
  thematic_months: 'Tháng sinh hoạt chuyên đề',
  min_minutes: 'Thời lượng tối thiểu (phút)',
  combined_min_minutes: 'Thời lượng khi kết hợp (phút)',
  shift: 'Khi trùng ngày nghỉ',
  holidays: 'Ngày nghỉ thêm',
  month: 'Tháng',
  state: 'Trạng thái',
  moved_reason: 'Lý do dời lịch',
  cancelled_reason: 'Lý do hủy',
  effective_from: 'Áp dụng từ ngày',
  scorecard_id: 'Phiếu đánh giá',
  total: 'Tổng điểm',
  level: 'Xếp loại',
  letter_id: 'Giấy giới thiệu',
  host: 'Nơi đến sinh hoạt tạm thời',
  from: 'Từ ngày',
  to: 'Đến ngày',
  quarter: 'Quý',
  orientation_id: 'Định hướng chuyên đề',
  preparer: 'Người chuẩn bị',
  meeting_id: 'Cuộc họp',
  decline_reason: 'Lý do không chấp nhận',
  version: 'Bản dự thảo',
  sent_version: 'Bản đã gửi đảng viên',
  comment_id: 'Góp ý',
  year: 'Năm',
  visits_per_month: 'Số lần đi cơ sở mỗi tháng',
  meetings_per_quarter: 'Số buổi dự sinh hoạt mỗi quý',
  report_days: 'Hạn báo cáo (ngày)',
  attendant_id: 'Người dự',
  cell_id: 'Chi bộ',
  visited_on: 'Ngày đến',
  observations: 'Nhận xét',
  members_situation: 'Tình hình đảng viên',
  answer: 'Trả lời',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

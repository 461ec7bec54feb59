#include "storage/postgres/schema.hpp"

namespace chibo::storage::postgres {

// PostgreSQL's own schema, the same tables as SQLite's. Keys that must compare bytewise (paths,
// collation keys, folded name words) are COLLATE "C", so ordering and subtree ranges match SQLite's
// BINARY comparison exactly (docs/decisions/0002).
const std::vector<sql::Migration>& Migrations() {
    static const std::vector<sql::Migration> migrations = {
        {1,
         "organizations, members, accounts, audit",
         {
             R"(CREATE TABLE organizations (
                 id BIGSERIAL PRIMARY KEY,
                 parent_id BIGINT REFERENCES organizations(id),
                 name TEXT NOT NULL,
                 name_key TEXT COLLATE "C" NOT NULL,
                 kind TEXT NOT NULL,
                 category TEXT NOT NULL DEFAULT '',
                 address TEXT NOT NULL DEFAULT '',
                 valid_from DATE NOT NULL,
                 valid_to DATE,
                 merged_into_id BIGINT REFERENCES organizations(id),
                 path TEXT COLLATE "C" NOT NULL UNIQUE))",
             "CREATE INDEX organizations_parent ON organizations(parent_id, name_key)",
             R"(CREATE TABLE members (
                 id BIGSERIAL PRIMARY KEY,
                 organization_id BIGINT NOT NULL REFERENCES organizations(id),
                 party_group_id BIGINT REFERENCES organizations(id),
                 full_name TEXT NOT NULL,
                 sort_key TEXT COLLATE "C" NOT NULL,
                 search_name TEXT COLLATE "C" NOT NULL,
                 sex TEXT NOT NULL,
                 date_of_birth DATE NOT NULL,
                 status TEXT NOT NULL,
                 on_roll INTEGER NOT NULL,
                 admission_date DATE,
                 official_date DATE,
                 party_card_number TEXT UNIQUE,
                 citizen_id TEXT UNIQUE,
                 phone TEXT NOT NULL DEFAULT '',
                 address TEXT NOT NULL DEFAULT '',
                 note TEXT NOT NULL DEFAULT ''))",
             "CREATE INDEX members_organization ON members(organization_id, on_roll, sort_key)",
             "CREATE INDEX members_party_group ON members(party_group_id)",
             "CREATE INDEX members_sort ON members(sort_key, id)",
             R"(CREATE TABLE member_name_words (
                 suffix TEXT COLLATE "C" NOT NULL,
                 member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
                 PRIMARY KEY (suffix, member_id)))",
             "CREATE INDEX member_name_words_member ON member_name_words(member_id)",
             R"(CREATE TABLE memberships (
                 id BIGSERIAL PRIMARY KEY,
                 member_id BIGINT NOT NULL REFERENCES members(id),
                 organization_id BIGINT NOT NULL REFERENCES organizations(id),
                 start_date DATE NOT NULL,
                 end_date DATE,
                 reason TEXT NOT NULL DEFAULT ''))",
             "CREATE INDEX memberships_member ON memberships(member_id, start_date)",
             "CREATE INDEX memberships_organization ON memberships(organization_id)",
             R"(CREATE TABLE positions (
                 id BIGSERIAL PRIMARY KEY,
                 organization_id BIGINT NOT NULL REFERENCES organizations(id),
                 member_id BIGINT NOT NULL REFERENCES members(id),
                 kind TEXT NOT NULL,
                 term_start DATE NOT NULL,
                 term_end DATE))",
             "CREATE INDEX positions_organization ON positions(organization_id)",
             "CREATE INDEX positions_member ON positions(member_id)",
             R"(CREATE TABLE users (
                 id BIGSERIAL PRIMARY KEY,
                 username TEXT NOT NULL UNIQUE,
                 display_name TEXT NOT NULL,
                 member_id BIGINT REFERENCES members(id),
                 password_hash TEXT NOT NULL,
                 created_at TEXT NOT NULL))",
             R"(CREATE TABLE role_grants (
                 id BIGSERIAL PRIMARY KEY,
                 user_id BIGINT NOT NULL REFERENCES users(id),
                 role TEXT NOT NULL,
                 organization_id BIGINT NOT NULL REFERENCES organizations(id),
                 UNIQUE (user_id, role, organization_id)))",
             "CREATE INDEX role_grants_organization ON role_grants(organization_id)",
             R"(CREATE TABLE sessions (
                 token_hash TEXT PRIMARY KEY,
                 user_id BIGINT NOT NULL REFERENCES users(id),
                 csrf_token TEXT NOT NULL,
                 created_at BIGINT NOT NULL,
                 expires_at BIGINT NOT NULL))",
             R"(CREATE TABLE audit_log (
                 id BIGSERIAL PRIMARY KEY,
                 at TEXT NOT NULL,
                 user_id BIGINT,
                 username TEXT NOT NULL,
                 action TEXT NOT NULL,
                 entity TEXT NOT NULL,
                 entity_id BIGINT NOT NULL,
                 organization_id BIGINT,
                 before_json TEXT,
                 after_json TEXT))",
             "CREATE INDEX audit_log_organization ON audit_log(organization_id, id)",
             "CREATE INDEX audit_log_entity ON audit_log(entity, entity_id)",
         }},
        {2,
         "document register",
         {
             R"(CREATE TABLE document_counters (
                 organization_id BIGINT NOT NULL REFERENCES organizations(id),
                 doc_type TEXT NOT NULL,
                 term TEXT NOT NULL,
                 last_number INTEGER NOT NULL,
                 PRIMARY KEY (organization_id, doc_type, term)))",
             R"(CREATE TABLE documents (
                 id BIGSERIAL PRIMARY KEY,
                 organization_id BIGINT NOT NULL REFERENCES organizations(id),
                 doc_type TEXT NOT NULL,
                 term TEXT NOT NULL,
                 number INTEGER NOT NULL,
                 number_text TEXT NOT NULL,
                 issued_on DATE NOT NULL,
                 title TEXT NOT NULL,
                 created_by TEXT NOT NULL,
                 created_at TEXT NOT NULL,
                 UNIQUE (organization_id, doc_type, term, number)))",
             "CREATE INDEX documents_organization ON documents(organization_id, id)",
         }},
        {3,
         "meeting rules and meetings",
         {
             R"(CREATE TABLE meeting_rules (
                 organization_id BIGINT PRIMARY KEY REFERENCES organizations(id),
                 regular_day INTEGER,
                 start_minutes INTEGER,
                 thematic_months TEXT,
                 min_minutes INTEGER,
                 combined_min_minutes INTEGER,
                 shift TEXT,
                 holidays TEXT NOT NULL DEFAULT ''))",
             R"(CREATE TABLE meetings (
                 id BIGSERIAL PRIMARY KEY,
                 organization_id BIGINT NOT NULL REFERENCES organizations(id),
                 kind TEXT NOT NULL,
                 year INTEGER NOT NULL,
                 month INTEGER NOT NULL,
                 scheduled_on DATE NOT NULL,
                 start_minutes INTEGER NOT NULL,
                 min_minutes INTEGER NOT NULL,
                 state TEXT NOT NULL,
                 shifted INTEGER NOT NULL DEFAULT 0,
                 moved_reason TEXT NOT NULL DEFAULT '',
                 cancelled_reason TEXT NOT NULL DEFAULT '',
                 UNIQUE (organization_id, kind, year, month)))",
             "CREATE INDEX meetings_calendar ON meetings(organization_id, year, scheduled_on)",
         }},
        {4,
         "meeting preparation, record, tasks, files and calendar feeds",
         {
             "ALTER TABLE meetings ADD COLUMN preparer_id BIGINT",
             "ALTER TABLE meetings ADD COLUMN preparer_name TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE meetings ADD COLUMN place TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE meetings ADD COLUMN committee_meeting_on DATE",
             "ALTER TABLE meetings ADD COLUMN committee_meeting_notes TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE meetings ADD COLUMN agenda TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE meetings ADD COLUMN superior_official TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE meetings ADD COLUMN notified_at BIGINT",
             "ALTER TABLE meetings ADD COLUMN documents_sent_at BIGINT",
             "ALTER TABLE meetings ADD COLUMN started_minutes INTEGER",
             "ALTER TABLE meetings ADD COLUMN ended_minutes INTEGER",
             "ALTER TABLE meetings ADD COLUMN chair_id BIGINT",
             "ALTER TABLE meetings ADD COLUMN chair_name TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE meetings ADD COLUMN minute_taker_id BIGINT",
             "ALTER TABLE meetings ADD COLUMN minute_taker_name TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE meetings ADD COLUMN guests TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE meetings ADD COLUMN superior_attended INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE meetings ADD COLUMN conclusion TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE meetings ADD COLUMN resolution TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE meetings ADD COLUMN vote_in_favour INTEGER",
             "ALTER TABLE meetings ADD COLUMN vote_against INTEGER",
             "ALTER TABLE meetings ADD COLUMN vote_abstaining INTEGER",
             "ALTER TABLE meetings ADD COLUMN vote_scope TEXT NOT NULL DEFAULT 'all_present'",
             "ALTER TABLE meetings ADD COLUMN finalised_at BIGINT",
             "ALTER TABLE meetings ADD COLUMN minutes_number TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE meetings ADD COLUMN resolution_number TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE meetings ADD COLUMN reported_at BIGINT",
             R"(CREATE TABLE meeting_attendance (
                 meeting_id BIGINT NOT NULL REFERENCES meetings(id),
                 seq INTEGER NOT NULL,
                 member_id BIGINT NOT NULL REFERENCES members(id),
                 member_name TEXT NOT NULL,
                 status_at_meeting TEXT NOT NULL,
                 presence TEXT NOT NULL,
                 reason TEXT NOT NULL DEFAULT '',
                 PRIMARY KEY (meeting_id, member_id)))",
             "CREATE INDEX meeting_attendance_member ON meeting_attendance(member_id)",
             R"(CREATE TABLE meeting_opinions (
                 meeting_id BIGINT NOT NULL REFERENCES meetings(id),
                 seq INTEGER NOT NULL,
                 speaker_id BIGINT REFERENCES members(id),
                 speaker_name TEXT NOT NULL,
                 summary TEXT NOT NULL,
                 PRIMARY KEY (meeting_id, seq)))",
             R"(CREATE TABLE resolution_tasks (
                 id BIGSERIAL PRIMARY KEY,
                 meeting_id BIGINT NOT NULL REFERENCES meetings(id),
                 organization_id BIGINT NOT NULL REFERENCES organizations(id),
                 seq INTEGER NOT NULL,
                 assignee_id BIGINT REFERENCES members(id),
                 assignee_name TEXT NOT NULL DEFAULT '',
                 description TEXT NOT NULL,
                 deadline DATE NOT NULL,
                 outcome TEXT NOT NULL DEFAULT 'open',
                 result TEXT NOT NULL DEFAULT '',
                 reviewed_in BIGINT REFERENCES meetings(id)))",
             "CREATE INDEX resolution_tasks_meeting ON resolution_tasks(meeting_id, seq)",
             "CREATE INDEX resolution_tasks_cell ON resolution_tasks(organization_id, deadline)",
             "CREATE INDEX resolution_tasks_reviewed ON resolution_tasks(reviewed_in)",
             R"(CREATE TABLE meeting_attachments (
                 id BIGSERIAL PRIMARY KEY,
                 meeting_id BIGINT NOT NULL REFERENCES meetings(id),
                 file_name TEXT NOT NULL,
                 content_type TEXT NOT NULL,
                 size BIGINT NOT NULL,
                 sha256 TEXT NOT NULL,
                 uploaded_at BIGINT NOT NULL,
                 uploaded_by TEXT NOT NULL))",
             "CREATE INDEX meeting_attachments_meeting ON meeting_attachments(meeting_id, id)",
             "CREATE INDEX meeting_attachments_content ON meeting_attachments(sha256)",
             R"(CREATE TABLE meeting_leave_requests (
                 meeting_id BIGINT NOT NULL REFERENCES meetings(id),
                 member_id BIGINT NOT NULL REFERENCES members(id),
                 member_name TEXT NOT NULL,
                 reason TEXT NOT NULL,
                 requested_at BIGINT NOT NULL,
                 PRIMARY KEY (meeting_id, member_id)))",
             R"(CREATE TABLE meeting_amendments (
                 id BIGSERIAL PRIMARY KEY,
                 meeting_id BIGINT NOT NULL REFERENCES meetings(id),
                 text TEXT NOT NULL,
                 reason TEXT NOT NULL,
                 created_by TEXT NOT NULL,
                 created_at BIGINT NOT NULL))",
             "CREATE INDEX meeting_amendments_meeting ON meeting_amendments(meeting_id, id)",
             R"(CREATE TABLE calendar_feeds (
                 user_id BIGINT PRIMARY KEY REFERENCES users(id),
                 token_hash TEXT NOT NULL UNIQUE,
                 created_at BIGINT NOT NULL))",
             "CREATE INDEX meetings_day ON meetings(scheduled_on)",
         }},
        {5,
         "meeting scorecards and scores",
         {
             R"(CREATE TABLE scorecards (
                 id BIGSERIAL PRIMARY KEY,
                 organization_id BIGINT NOT NULL REFERENCES organizations(id),
                 effective_from DATE NOT NULL,
                 name TEXT NOT NULL,
                 body TEXT NOT NULL,
                 created_by TEXT NOT NULL,
                 created_at BIGINT NOT NULL))",
             "CREATE INDEX scorecards_organization ON scorecards(organization_id, effective_from, id)",
             R"(CREATE TABLE meeting_scores (
                 id BIGSERIAL PRIMARY KEY,
                 meeting_id BIGINT NOT NULL REFERENCES meetings(id),
                 role TEXT NOT NULL,
                 scorecard_id BIGINT NOT NULL,
                 points TEXT NOT NULL,
                 total INTEGER NOT NULL,
                 level TEXT NOT NULL,
                 scored_by TEXT NOT NULL,
                 scored_at BIGINT NOT NULL,
                 reason TEXT NOT NULL DEFAULT ''))",
             "CREATE INDEX meeting_scores_meeting ON meeting_scores(meeting_id, id)",
         }},
        {6,
         "grading rounds and grades",
         {
             R"(CREATE TABLE grading_rounds (
                 id BIGSERIAL PRIMARY KEY,
                 organization_id BIGINT NOT NULL REFERENCES organizations(id),
                 period TEXT NOT NULL,
                 excellent_quota_bp INTEGER NOT NULL,
                 created_by TEXT NOT NULL,
                 created_at BIGINT NOT NULL,
                 UNIQUE (organization_id, period)))",
             R"(CREATE TABLE grades (
                 id BIGSERIAL PRIMARY KEY,
                 round_id BIGINT NOT NULL REFERENCES grading_rounds(id),
                 subject TEXT NOT NULL,
                 subject_id BIGINT NOT NULL,
                 step TEXT NOT NULL,
                 general_points INTEGER NOT NULL,
                 task_points INTEGER NOT NULL,
                 total INTEGER NOT NULL,
                 level TEXT NOT NULL,
                 exceeded_targets INTEGER NOT NULL,
                 disciplined INTEGER NOT NULL,
                 comment TEXT NOT NULL,
                 reason TEXT NOT NULL,
                 recorded_by TEXT NOT NULL,
                 recorded_at BIGINT NOT NULL))",
             "CREATE INDEX grades_round ON grades(round_id, id)",
         }},
        {7,
         "a version that changes with every change to sessions, accounts and roles",
         {
             "CREATE TABLE auth_changes (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL)",
             "INSERT INTO auth_changes (id, version) VALUES (1, 0)",
             R"(CREATE FUNCTION auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE auth_changes SET version = version + 1;
                    RETURN NULL;
                END $$)",
             "CREATE TRIGGER sessions_changed AFTER UPDATE OR DELETE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION "
             "auth_changed()",
             "CREATE TRIGGER users_changed AFTER UPDATE OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION "
             "auth_changed()",
             "CREATE TRIGGER role_grants_changed AFTER INSERT OR UPDATE OR DELETE ON role_grants FOR EACH STATEMENT "
             "EXECUTE FUNCTION auth_changed()",
             "CREATE TRIGGER organizations_changed AFTER UPDATE OR DELETE ON organizations FOR EACH STATEMENT EXECUTE "
             "FUNCTION auth_changed()",
         }},
        {8,
         "where organisations were before each move",
         {
             R"(CREATE TABLE organization_placements (
                 id BIGSERIAL PRIMARY KEY,
                 organization_id BIGINT NOT NULL REFERENCES organizations(id),
                 parent_id BIGINT REFERENCES organizations(id),
                 path TEXT COLLATE "C" NOT NULL,
                 since DATE,
                 until DATE NOT NULL))",
             "CREATE INDEX organization_placements_organization ON organization_placements(organization_id, until)",
             "CREATE INDEX organization_placements_path ON organization_placements(path)",
         }},
        {9,
         "sign-outs of expired sessions and organisation changes that roles do not show leave sessions alone",
         {
             "DROP TRIGGER sessions_changed ON sessions",
             R"(CREATE FUNCTION auth_sessions_ended() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM ended WHERE expires_at > EXTRACT(EPOCH FROM now())) THEN
                        UPDATE auth_changes SET version = version + 1;
                    END IF;
                    RETURN NULL;
                END $$)",
             "CREATE TRIGGER sessions_ended AFTER DELETE ON sessions REFERENCING OLD TABLE AS ended FOR EACH STATEMENT "
             "EXECUTE FUNCTION auth_sessions_ended()",
             "CREATE TRIGGER sessions_updated AFTER UPDATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION "
             "auth_changed()",
             "DROP TRIGGER organizations_changed ON organizations",
             "CREATE TRIGGER organizations_changed AFTER UPDATE OF name, path OR DELETE ON organizations FOR EACH "
             "STATEMENT EXECUTE FUNCTION auth_changed()",
         }},
        {10,
         "members' statuses by date, and a membership for every member on a roll",
         {
             R"(CREATE TABLE member_status_history (
                 member_id BIGINT NOT NULL REFERENCES members(id),
                 since DATE NOT NULL,
                 status TEXT NOT NULL,
                 PRIMARY KEY (member_id, since)))",
             // Members on a roll without any membership (bulk loads before this version) get one from
             // their admission. A member on a roll has had their status since their first membership; one
             // off the roll was official (probationary before confirmation) until their last membership ended.
             "INSERT INTO memberships (member_id, organization_id, start_date, reason) SELECT m.id, "
             "m.organization_id, COALESCE(m.admission_date, DATE '2000-01-01'), 'Có trong danh sách chi bộ' FROM "
             "members m "
             "WHERE m.on_roll = 1 AND NOT EXISTS (SELECT 1 FROM memberships ms WHERE ms.member_id = m.id)",
             "INSERT INTO member_status_history (member_id, since, status) SELECT m.id, COALESCE((SELECT "
             "MIN(ms.start_date) FROM memberships ms WHERE ms.member_id = m.id), m.admission_date, DATE '2000-01-01'), "
             "CASE WHEN m.on_roll = 1 THEN m.status WHEN m.official_date IS NULL AND m.admission_date IS NOT NULL "
             "THEN 'probationary' ELSE 'official' END FROM members m",
             "INSERT INTO member_status_history (member_id, since, status) SELECT m.id, (SELECT MAX(ms.end_date) "
             "FROM memberships ms WHERE ms.member_id = m.id), m.status FROM members m WHERE m.on_roll = 0 AND "
             "(SELECT MAX(ms.end_date) FROM memberships ms WHERE ms.member_id = m.id) > (SELECT MIN(ms.start_date) "
             "FROM memberships ms WHERE ms.member_id = m.id)",
             "CREATE INDEX memberships_roll ON memberships(organization_id, start_date)",
         }},
        {11,
         "the points the record gave computed criteria when a meeting was scored, and reasons for other points",
         {
             "ALTER TABLE meeting_scores ADD COLUMN computed_points TEXT NOT NULL DEFAULT '{}'",
             "ALTER TABLE meeting_scores ADD COLUMN override_reasons TEXT NOT NULL DEFAULT '{}'",
         }},
        {12,
         "temporary transfer letters: members attending another organisation for a time",
         {
             R"(CREATE TABLE transfer_letters (
                 id BIGSERIAL PRIMARY KEY,
                 member_id BIGINT NOT NULL REFERENCES members(id),
                 organization_id BIGINT NOT NULL REFERENCES organizations(id),
                 number TEXT NOT NULL,
                 host TEXT NOT NULL,
                 from_date DATE NOT NULL,
                 to_date DATE NOT NULL,
                 note TEXT NOT NULL DEFAULT ''))",
             "CREATE INDEX transfer_letters_member ON transfer_letters(member_id, from_date)",
         }},
    };
    return migrations;
}

}  // namespace chibo::storage::postgres

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
    };
    return migrations;
}

}  // namespace chibo::storage::postgres

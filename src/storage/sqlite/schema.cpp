#include "storage/sqlite/schema.hpp"

namespace chibo::storage::sqlite {

// SQLite's own schema. Dates are ISO 8601 TEXT; name_key, sort_key and path compare bytewise
// (BINARY collation), which is what makes Vietnamese order and subtree ranges work.
const std::vector<sql::Migration>& Migrations() {
    static const std::vector<sql::Migration> migrations = {
        {1,
         "organizations, members, accounts, audit",
         {
             R"(CREATE TABLE organizations (
                 id INTEGER PRIMARY KEY,
                 parent_id INTEGER REFERENCES organizations(id),
                 name TEXT NOT NULL,
                 name_key TEXT NOT NULL,
                 kind TEXT NOT NULL,
                 category TEXT NOT NULL DEFAULT '',
                 address TEXT NOT NULL DEFAULT '',
                 valid_from TEXT NOT NULL,
                 valid_to TEXT,
                 merged_into_id INTEGER REFERENCES organizations(id),
                 path TEXT NOT NULL UNIQUE))",
             "CREATE INDEX organizations_parent ON organizations(parent_id, name_key)",
             R"(CREATE TABLE members (
                 id INTEGER PRIMARY KEY,
                 organization_id INTEGER NOT NULL REFERENCES organizations(id),
                 party_group_id INTEGER REFERENCES organizations(id),
                 full_name TEXT NOT NULL,
                 sort_key TEXT NOT NULL,
                 search_name TEXT NOT NULL,
                 sex TEXT NOT NULL,
                 date_of_birth TEXT NOT NULL,
                 status TEXT NOT NULL,
                 on_roll INTEGER NOT NULL,
                 admission_date TEXT,
                 official_date TEXT,
                 party_card_number TEXT UNIQUE,
                 citizen_id TEXT UNIQUE,
                 phone TEXT NOT NULL DEFAULT '',
                 address TEXT NOT NULL DEFAULT '',
                 note TEXT NOT NULL DEFAULT ''))",
             "CREATE INDEX members_organization ON members(organization_id, on_roll, sort_key)",
             "CREATE INDEX members_sort ON members(sort_key, id)",
             R"(CREATE TABLE member_name_words (
                 suffix TEXT NOT NULL,
                 member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
                 PRIMARY KEY (suffix, member_id)) WITHOUT ROWID)",
             "CREATE INDEX member_name_words_member ON member_name_words(member_id)",
             R"(CREATE TABLE memberships (
                 id INTEGER PRIMARY KEY,
                 member_id INTEGER NOT NULL REFERENCES members(id),
                 organization_id INTEGER NOT NULL REFERENCES organizations(id),
                 start_date TEXT NOT NULL,
                 end_date TEXT,
                 reason TEXT NOT NULL DEFAULT ''))",
             "CREATE INDEX memberships_member ON memberships(member_id, start_date)",
             "CREATE INDEX memberships_organization ON memberships(organization_id)",
             R"(CREATE TABLE positions (
                 id INTEGER PRIMARY KEY,
                 organization_id INTEGER NOT NULL REFERENCES organizations(id),
                 member_id INTEGER NOT NULL REFERENCES members(id),
                 kind TEXT NOT NULL,
                 term_start TEXT NOT NULL,
                 term_end TEXT))",
             "CREATE INDEX positions_organization ON positions(organization_id)",
             "CREATE INDEX positions_member ON positions(member_id)",
             R"(CREATE TABLE users (
                 id INTEGER PRIMARY KEY,
                 username TEXT NOT NULL UNIQUE,
                 display_name TEXT NOT NULL,
                 member_id INTEGER REFERENCES members(id),
                 password_hash TEXT NOT NULL,
                 created_at TEXT NOT NULL))",
             R"(CREATE TABLE role_grants (
                 id INTEGER PRIMARY KEY,
                 user_id INTEGER NOT NULL REFERENCES users(id),
                 role TEXT NOT NULL,
                 organization_id INTEGER NOT NULL REFERENCES organizations(id),
                 UNIQUE (user_id, role, organization_id)))",
             "CREATE INDEX role_grants_organization ON role_grants(organization_id)",
             R"(CREATE TABLE sessions (
                 token_hash TEXT PRIMARY KEY,
                 user_id INTEGER NOT NULL REFERENCES users(id),
                 csrf_token TEXT NOT NULL,
                 created_at INTEGER NOT NULL,
                 expires_at INTEGER NOT NULL))",
             R"(CREATE TABLE audit_log (
                 id INTEGER PRIMARY KEY,
                 at TEXT NOT NULL,
                 user_id INTEGER,
                 username TEXT NOT NULL,
                 action TEXT NOT NULL,
                 entity TEXT NOT NULL,
                 entity_id INTEGER NOT NULL,
                 organization_id INTEGER,
                 before_json TEXT,
                 after_json TEXT))",
             "CREATE INDEX audit_log_organization ON audit_log(organization_id, id)",
             "CREATE INDEX audit_log_entity ON audit_log(entity, entity_id)",
         }},
        {2,
         "document register",
         {
             R"(CREATE TABLE document_counters (
                 organization_id INTEGER NOT NULL REFERENCES organizations(id),
                 doc_type TEXT NOT NULL,
                 term TEXT NOT NULL,
                 last_number INTEGER NOT NULL,
                 PRIMARY KEY (organization_id, doc_type, term)))",
             R"(CREATE TABLE documents (
                 id INTEGER PRIMARY KEY,
                 organization_id INTEGER NOT NULL REFERENCES organizations(id),
                 doc_type TEXT NOT NULL,
                 term TEXT NOT NULL,
                 number INTEGER NOT NULL,
                 number_text TEXT NOT NULL,
                 issued_on TEXT NOT NULL,
                 title TEXT NOT NULL,
                 created_by TEXT NOT NULL,
                 created_at TEXT NOT NULL,
                 UNIQUE (organization_id, doc_type, term, number)))",
             "CREATE INDEX documents_organization ON documents(organization_id, id)",
         }},
    };
    return migrations;
}

}  // namespace chibo::storage::sqlite

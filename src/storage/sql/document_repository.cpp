#include "storage/sql/sql_repositories.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/document_repository.hpp"
#include "storage/sql/codecs.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

class SqlDocuments final : public DocumentRepository {
public:
    explicit SqlDocuments(soci::session& s) : s_(s) {}

    RegisteredDocument Register(const RegisteredDocument& in, const std::function<std::string(int)>& format) override {
        // The upsert takes the counter row's lock until the caller's transaction ends, so racing
        // transactions number one after another; a rollback returns the number with everything else.
        const int number = static_cast<int>(
            QueryOne(s_,
                     "INSERT INTO document_counters (organization_id, doc_type, term, last_number) VALUES (:o, :t, "
                     ":term, 1) ON CONFLICT (organization_id, doc_type, term) DO UPDATE SET last_number = "
                     "document_counters.last_number + 1 RETURNING last_number",
                     Params().Int(in.organization.value).Text(std::string(ToCode(in.type))).Text(in.term))
                ->Int(0));
        RegisteredDocument out = in;
        out.number = number;
        out.number_text = format(number);
        auto r = QueryOne(s_,
                          "INSERT INTO documents (organization_id, doc_type, term, number, number_text, issued_on, "
                          "title, created_by, created_at) VALUES (:o, :t, :term, :n, :nt, :d, :title, :by, :at) "
                          "RETURNING id",
                          Params()
                              .Int(out.organization.value)
                              .Text(std::string(ToCode(out.type)))
                              .Text(out.term)
                              .Int(out.number)
                              .Text(out.number_text)
                              .Date(out.issued_on)
                              .Text(out.title)
                              .Text(out.created_by)
                              .Text(base::NowIsoTimestamp()));
        out.id = DocumentId(r->Int(0));
        return out;
    }

    DocumentPage List(OrganizationId organization, std::optional<DocumentType> type, const std::string& term,
                      int offset, int limit) override {
        std::string where = " FROM documents WHERE organization_id = :o";
        Params params;
        params.Int(organization.value);
        if (type) {
            where += " AND doc_type = :t";
            params.Text(std::string(ToCode(*type)));
        }
        if (!term.empty()) {
            where += " AND term = :term";
            params.Text(term);
        }
        DocumentPage page;
        page.total = QueryOne(s_, "SELECT COUNT(*)" + where, params)->Int(0);
        Params paged = params;
        paged.Int(limit).Int(offset);
        for (const Row& r : Query(s_,
                                  "SELECT id, organization_id, doc_type, term, number, number_text, issued_on, title, "
                                  "created_by" +
                                      where + " ORDER BY id DESC LIMIT :lim OFFSET :off",
                                  paged)) {
            RegisteredDocument d;
            d.id = DocumentId(r.Int(0));
            d.organization = OrganizationId(r.Int(1));
            d.type = Decode(r.Text(2), DocumentTypeFromCode, "documents.doc_type");
            d.term = r.Text(3);
            d.number = static_cast<int>(r.Int(4));
            d.number_text = r.Text(5);
            d.issued_on = r.Date(6);
            d.title = r.Text(7);
            d.created_by = r.Text(8);
            page.items.push_back(std::move(d));
        }
        return page;
    }

private:
    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::DocumentRepository> MakeDocumentRepository(soci::session& session) {
    return std::make_unique<SqlDocuments>(session);
}

}  // namespace chibo::storage::sql

#include "storage/sql/sql_repositories.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/text.hpp"
#include "domain/member_repository.hpp"
#include "storage/sql/codecs.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

// A member is on the roll of a cell and may also belong to one of its party groups, whose path lies
// inside the cell's. Subtree queries join on the group when there is one, so a group's subtree holds
// its members and the cell's subtree still holds them all.

constexpr const char* kMemberColumns =
    "m.id, m.organization_id, m.party_group_id, m.full_name, m.sex, m.date_of_birth, m.status, m.admission_date, "
    "m.official_date, m.party_card_number, m.citizen_id, m.phone, m.address, m.note";

Member ReadMember(const Row& r) {
    Member m;
    m.id = MemberId(r.Int(0));
    m.organization = OrganizationId(r.Int(1));
    if (auto g = r.OptInt(2)) m.party_group = OrganizationId(*g);
    m.full_name = r.Text(3);
    m.sex = Decode(r.Text(4), SexFromCode, "members.sex");
    m.date_of_birth = r.Date(5);
    m.status = Decode(r.Text(6), MemberStatusFromCode, "members.status");
    m.admission_date = r.OptDate(7);
    m.official_date = r.OptDate(8);
    m.party_card_number = r.Text(9);
    m.citizen_id = r.Text(10);
    m.phone = r.Text(11);
    m.address = r.Text(12);
    m.note = r.Text(13);
    return m;
}

constexpr const char* kLetterColumns = "id, member_id, organization_id, number, host, from_date, to_date, note";

TransferLetter ReadLetter(const Row& r) {
    TransferLetter l;
    l.id = TransferLetterId(r.Int(0));
    l.member = MemberId(r.Int(1));
    l.organization = OrganizationId(r.Int(2));
    l.number = r.Text(3);
    l.host = r.Text(4);
    l.from = r.Date(5);
    l.to = r.Date(6);
    l.note = r.Text(7);
    return l;
}

// The folded name from each word to the end: "dang van hung", "van hung", "hung". A prefix search on
// these finds a name by the start of any of its words.
std::vector<std::string> NameSuffixes(const std::string& full_name) {
    const std::string folded = base::FoldForSearch(full_name);
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < folded.size()) {
        out.push_back(folded.substr(start));
        const std::size_t space = folded.find(' ', start);
        if (space == std::string::npos) break;
        start = space + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

class SqlMembers final : public MemberRepository {
public:
    std::vector<RollStay> RollStays(MemberId first, MemberId last) override {
        std::map<std::int64_t, std::pair<std::vector<Membership>, std::vector<StatusChange>>> by_member;
        for (const Row& r : Query(s_,
                                  "SELECT member_id, organization_id, start_date, end_date FROM memberships WHERE "
                                  "member_id BETWEEN :a AND :b ORDER BY member_id, start_date, id",
                                  Params().Int(first.value).Int(last.value))) {
            Membership ms;
            ms.member = MemberId(r.Int(0));
            ms.organization = OrganizationId(r.Int(1));
            ms.start_date = r.Date(2);
            ms.end_date = r.OptDate(3);
            by_member[ms.member.value].first.push_back(ms);
        }
        for (const Row& r : Query(s_,
                                  "SELECT member_id, since, status FROM member_status_history WHERE member_id BETWEEN "
                                  ":a AND :b ORDER BY member_id, since",
                                  Params().Int(first.value).Int(last.value))) {
            auto found = by_member.find(r.Int(0));
            if (found == by_member.end()) continue;
            found->second.second.push_back({MemberId(r.Int(0)), r.Date(1),
                                            Decode(r.Text(2), MemberStatusFromCode, "member_status_history.status")});
        }
        std::map<std::int64_t, std::vector<TransferLetter>> letters;
        for (const Row& r : Query(s_,
                                  std::string("SELECT ") + kLetterColumns +
                                      " FROM transfer_letters WHERE member_id BETWEEN :a AND :b ORDER BY member_id, "
                                      "from_date",
                                  Params().Int(first.value).Int(last.value)))
            letters[r.Int(1)].push_back(ReadLetter(r));
        static const std::vector<TransferLetter> kNone;
        std::vector<RollStay> out;
        for (const auto& [id, member] : by_member) {
            const auto l = letters.find(id);
            for (const RollStay& stay :
                 RollStaysOf(member.first, member.second, l == letters.end() ? kNone : l->second))
                out.push_back(stay);
        }
        return out;
    }

    std::int64_t LastMemberId() override { return QueryOne(s_, "SELECT COALESCE(MAX(id), 0) FROM members")->Int(0); }

    explicit SqlMembers(soci::session& s) : s_(s) {}

    std::optional<Member> Get(MemberId id) override {
        auto r = QueryOne(s_, std::string("SELECT ") + kMemberColumns + " FROM members m WHERE m.id = :id",
                          Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadMember(*r);
    }

    std::vector<std::pair<MemberId, std::string>> NamesOf(const std::vector<MemberId>& ids) override {
        constexpr std::size_t kChunk = 500;
        std::vector<std::pair<MemberId, std::string>> out;
        out.reserve(ids.size());
        for (std::size_t at = 0; at < ids.size(); at += kChunk) {
            std::vector<std::int64_t> chunk;
            for (std::size_t i = at; i < std::min(ids.size(), at + kChunk); ++i) chunk.push_back(ids[i].value);
            for (const Row& r : Query(s_, "SELECT id, full_name FROM members WHERE id IN (" + IdList(chunk) + ")"))
                out.emplace_back(MemberId(r.Int(0)), r.Text(1));
        }
        return out;
    }

    MemberPage Search(const MemberQuery& q) override {
        std::string where =
            " FROM members m JOIN organizations o ON o.id = COALESCE(m.party_group_id, m.organization_id) WHERE "
            "o.path >= :lo AND "
            "o.path < :hi";
        Params params;
        params.Text(q.subtree_path).Text(SubtreeEnd(q.subtree_path));
        if (!q.include_off_roll) where += " AND m.on_roll = 1";
        if (q.status) {
            where += " AND m.status = :st";
            params.Text(std::string(ToCode(*q.status)));
        }
        if (q.only_member) {
            where += " AND m.id = :only";
            params.Int(q.only_member->value);
        }
        if (!q.folded_prefix.empty()) {
            where +=
                " AND m.id IN (SELECT w.member_id FROM member_name_words w WHERE w.suffix >= :qlo AND "
                "w.suffix < :qhi)";
            params.Text(q.folded_prefix).Text(q.folded_prefix + "\x7f");
        }
        MemberPage page;
        page.total = QueryOne(s_, "SELECT COUNT(*)" + where, params)->Int(0);
        Params paged = params;
        paged.Int(q.limit).Int(q.offset);
        for (const Row& r : Query(
                 s_,
                 std::string("SELECT ") + kMemberColumns + where + " ORDER BY m.sort_key, m.id LIMIT :lim OFFSET :off",
                 paged)) {
            page.items.push_back(ReadMember(r));
        }
        return page;
    }

    Member Insert(const Member& in) override {
        auto r =
            QueryOne(s_,
                     "INSERT INTO members (organization_id, party_group_id, full_name, sort_key, search_name, sex, "
                     "date_of_birth, status, on_roll, admission_date, official_date, party_card_number, "
                     "citizen_id, phone, address, note) VALUES (:o, :g, :n, :k, :s, :sex, :dob, :st, :roll, "
                     ":ad, :od, :card, :cid, :ph, :addr, :note) RETURNING id",
                     Bind(in));
        Member out = in;
        out.id = MemberId(r->Int(0));
        WriteNameWords(out);
        return out;
    }

    void Update(const Member& m) override {
        Params p = Bind(m);
        p.Int(m.id.value);
        Exec(s_,
             "UPDATE members SET organization_id = :o, party_group_id = :g, full_name = :n, sort_key = :k, "
             "search_name = :s, sex = :sex, date_of_birth = :dob, status = :st, on_roll = :roll, admission_date = :ad, "
             "official_date = :od, party_card_number = :card, citizen_id = :cid, phone = :ph, address = :addr, "
             "note = :note WHERE id = :id",
             p);
        Exec(s_, "DELETE FROM member_name_words WHERE member_id = :id", Params().Int(m.id.value));
        WriteNameWords(m);
    }

    std::optional<MemberId> FindByPartyCard(const std::string& number) override {
        auto r = QueryOne(s_, "SELECT id FROM members WHERE party_card_number = :n", Params().Text(number));
        if (!r) return std::nullopt;
        return MemberId(r->Int(0));
    }

    std::optional<MemberId> FindByCitizenId(const std::string& number) override {
        auto r = QueryOne(s_, "SELECT id FROM members WHERE citizen_id = :n", Params().Text(number));
        if (!r) return std::nullopt;
        return MemberId(r->Int(0));
    }

    std::vector<Member> OnRollOf(OrganizationId cell) override {
        std::vector<Member> out;
        for (const Row& r : Query(s_,
                                  std::string("SELECT ") + kMemberColumns +
                                      " FROM members m WHERE m.organization_id = :o AND m.on_roll = 1 ORDER BY "
                                      "m.sort_key, m.id",
                                  Params().Int(cell.value))) {
            out.push_back(ReadMember(r));
        }
        return out;
    }

    std::vector<Member> RollOn(OrganizationId cell, base::Date day) override {
        std::vector<Member> out;
        for (const Row& r :
             Query(s_,
                   std::string("SELECT ") + kMemberColumns +
                       ", (SELECT h.status FROM member_status_history h WHERE h.member_id = m.id AND h.since <= :d1 "
                       "ORDER BY h.since DESC LIMIT 1) FROM memberships ms JOIN members m ON m.id = ms.member_id WHERE "
                       "ms.organization_id = :o AND ms.start_date <= :d2 AND (ms.end_date IS NULL OR ms.end_date > "
                       ":d3) ORDER BY m.sort_key, m.id",
                   Params().Date(day).Int(cell.value).Date(day).Date(day))) {
            Member m = ReadMember(r);
            if (r.IsNull(14)) continue;  // No status recorded by then: not on a roll yet.
            m.status = Decode(r.Text(14), MemberStatusFromCode, "member_status_history.status");
            if (OnRoll(m.status)) out.push_back(std::move(m));
        }
        return out;
    }

    std::vector<StatusChange> StatusHistory(MemberId member) override {
        std::vector<StatusChange> out;
        for (const Row& r :
             Query(s_, "SELECT since, status FROM member_status_history WHERE member_id = :m ORDER BY since",
                   Params().Int(member.value)))
            out.push_back({member, r.Date(0), Decode(r.Text(1), MemberStatusFromCode, "member_status_history.status")});
        return out;
    }

    void RecordStatus(const StatusChange& c) override {
        Exec(s_, "DELETE FROM member_status_history WHERE member_id = :m AND since = :s",
             Params().Int(c.member.value).Date(c.since));
        Exec(s_, "INSERT INTO member_status_history (member_id, since, status) VALUES (:m, :s, :t)",
             Params().Int(c.member.value).Date(c.since).Text(std::string(ToCode(c.status))));
    }

    std::vector<Membership> Memberships(MemberId member) override {
        std::vector<Membership> out;
        for (const Row& r :
             Query(s_,
                   "SELECT id, member_id, organization_id, start_date, end_date, reason FROM memberships "
                   "WHERE member_id = :m ORDER BY start_date, id",
                   Params().Int(member.value))) {
            Membership ms;
            ms.id = MembershipId(r.Int(0));
            ms.member = MemberId(r.Int(1));
            ms.organization = OrganizationId(r.Int(2));
            ms.start_date = r.Date(3);
            ms.end_date = r.OptDate(4);
            ms.reason = r.Text(5);
            out.push_back(ms);
        }
        return out;
    }

    Membership OpenMembership(const Membership& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO memberships (member_id, organization_id, start_date, end_date, reason) VALUES "
                          "(:m, :o, :s, :e, :r) RETURNING id",
                          Params()
                              .Int(in.member.value)
                              .Int(in.organization.value)
                              .Date(in.start_date)
                              .Date(in.end_date)
                              .Text(in.reason));
        Membership out = in;
        out.id = MembershipId(r->Int(0));
        return out;
    }

    void CloseMembership(MemberId member, base::Date end_date) override {
        Exec(s_, "UPDATE memberships SET end_date = :e WHERE member_id = :m AND end_date IS NULL",
             Params().Date(end_date).Int(member.value));
    }

    std::vector<TransferLetter> Letters(MemberId member) override {
        std::vector<TransferLetter> out;
        for (const Row& r : Query(s_,
                                  std::string("SELECT ") + kLetterColumns +
                                      " FROM transfer_letters WHERE member_id = :m ORDER BY from_date, id",
                                  Params().Int(member.value)))
            out.push_back(ReadLetter(r));
        return out;
    }

    std::optional<TransferLetter> GetLetter(TransferLetterId id) override {
        auto r = QueryOne(s_, std::string("SELECT ") + kLetterColumns + " FROM transfer_letters WHERE id = :id",
                          Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadLetter(*r);
    }

    TransferLetter InsertLetter(const TransferLetter& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO transfer_letters (member_id, organization_id, number, host, from_date, to_date, "
                          "note) VALUES (:m, :o, :n, :h, :f, :t, :x) RETURNING id",
                          Params()
                              .Int(in.member.value)
                              .Int(in.organization.value)
                              .Text(in.number)
                              .Text(in.host)
                              .Date(in.from)
                              .Date(in.to)
                              .Text(in.note));
        TransferLetter out = in;
        out.id = TransferLetterId(r->Int(0));
        return out;
    }

    void UpdateLetter(const TransferLetter& l) override {
        Exec(s_,
             "UPDATE transfer_letters SET number = :n, host = :h, from_date = :f, to_date = :t, note = :x WHERE id = "
             ":id",
             Params().Text(l.number).Text(l.host).Date(l.from).Date(l.to).Text(l.note).Int(l.id.value));
    }

    void DeleteLetter(TransferLetterId id) override {
        Exec(s_, "DELETE FROM transfer_letters WHERE id = :id", Params().Int(id.value));
    }

    std::vector<TransferLetter> LettersOn(const std::vector<MemberId>& members, base::Date day) override {
        constexpr std::size_t kChunk = 500;
        std::vector<TransferLetter> out;
        for (std::size_t at = 0; at < members.size(); at += kChunk) {
            std::vector<std::int64_t> chunk;
            for (std::size_t i = at; i < std::min(members.size(), at + kChunk); ++i) chunk.push_back(members[i].value);
            for (const Row& r :
                 Query(s_,
                       std::string("SELECT ") + kLetterColumns + " FROM transfer_letters WHERE member_id IN (" +
                           IdList(chunk) + ") AND from_date <= :d1 AND to_date >= :d2",
                       Params().Date(day).Date(day)))
                out.push_back(ReadLetter(r));
        }
        return out;
    }

    AwayCounts CountAway(const std::string& path, base::Date day) override {
        // Members attending this cell temporarily or exempt have no standing to be away from (StandingOf).
        auto r = QueryOne(
            s_,
            "SELECT COALESCE(SUM(CASE WHEN l.member_id IS NOT NULL THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN "
            "l.member_id IS NULL AND m.status = :wa THEN 1 ELSE 0 END), 0) FROM members m JOIN organizations o ON o.id "
            "= COALESCE(m.party_group_id, m.organization_id) LEFT JOIN transfer_letters l ON l.member_id = m.id AND "
            "l.from_date <= :d1 AND l.to_date >= :d2 WHERE o.path >= :lo AND o.path < :hi AND m.on_roll = 1 AND "
            "m.status NOT IN (:t, :e) AND (l.member_id IS NOT NULL OR m.status = :wa2)",
            Params()
                .Text(std::string(ToCode(MemberStatus::kWorkingAway)))
                .Date(day)
                .Date(day)
                .Text(path)
                .Text(SubtreeEnd(path))
                .Text(std::string(ToCode(MemberStatus::kTemporary)))
                .Text(std::string(ToCode(MemberStatus::kExempt)))
                .Text(std::string(ToCode(MemberStatus::kWorkingAway))));
        return {static_cast<int>(r->Int(0)), static_cast<int>(r->Int(1))};
    }

private:
    static Params Bind(const Member& m) {
        Params p;
        p.Int(m.organization.value)
            .Id(m.party_group)
            .Text(m.full_name)
            .Text(base::NameSortKey(m.full_name))
            .Text(base::FoldForSearch(m.full_name))
            .Text(std::string(ToCode(m.sex)))
            .Date(m.date_of_birth)
            .Text(std::string(ToCode(m.status)))
            .Int(OnRoll(m.status) ? 1 : 0)
            .Date(m.admission_date)
            .Date(m.official_date)
            .TextOrNull(m.party_card_number)
            .TextOrNull(m.citizen_id)
            .Text(m.phone)
            .Text(m.address)
            .Text(m.note);
        return p;
    }

    void WriteNameWords(const Member& m) {
        for (const std::string& suffix : NameSuffixes(m.full_name)) {
            Exec(s_, "INSERT INTO member_name_words (suffix, member_id) VALUES (:s, :m)",
                 Params().Text(suffix).Int(m.id.value));
        }
    }

    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::MemberRepository> MakeMemberRepository(soci::session& session) {
    return std::make_unique<SqlMembers>(session);
}

}  // namespace chibo::storage::sql

#include "domain/member.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "base/text.hpp"

namespace chibo::domain {
namespace {

using base::ErrorCode;
using base::MakeError;

constexpr std::array<std::pair<MemberStatus, std::string_view>, 8> kStatusCodes{{
    {MemberStatus::kOfficial, "official"},
    {MemberStatus::kProbationary, "probationary"},
    {MemberStatus::kExempt, "exempt"},
    {MemberStatus::kTemporary, "temporary"},
    {MemberStatus::kWorkingAway, "working_away"},
    {MemberStatus::kTransferredOut, "transferred_out"},
    {MemberStatus::kRemoved, "removed"},
    {MemberStatus::kDeceased, "deceased"},
}};

bool AllDigits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

base::Error Invalid(std::string message, std::string field) {
    return MakeError(ErrorCode::kInvalidArgument, std::move(message), std::move(field));
}

}  // namespace

std::optional<MemberStatus> StatusOn(const std::vector<StatusChange>& history, base::Date day) {
    std::optional<MemberStatus> status;
    for (const StatusChange& c : history) {
        if (c.since > day) break;
        status = c.status;
    }
    return status;
}

Standing StandingOf(MemberStatus status, bool letter_runs) {
    if (status == MemberStatus::kTemporary || status == MemberStatus::kExempt) return Standing::kNotExpected;
    if (letter_runs) return Standing::kAwayWithLetter;
    if (status == MemberStatus::kWorkingAway) return Standing::kAwayWithoutLetter;
    return Standing::kExpected;
}

bool Expected(Standing standing) {
    return standing == Standing::kExpected || standing == Standing::kAwayWithoutLetter;
}

bool Away(Standing standing) {
    return standing == Standing::kAwayWithLetter || standing == Standing::kAwayWithoutLetter;
}

std::vector<RollStay> RollStaysOf(const std::vector<Membership>& memberships, const std::vector<StatusChange>& history,
                                  const std::vector<TransferLetter>& letters) {
    std::vector<RollStay> out;
    auto add = [&](const Membership& ms, base::Date from, std::optional<base::Date> to, Standing standing) {
        if (to && *to <= from) return;
        // A stay continuing the previous one in the same cell and standing extends it.
        if (!out.empty() && out.back().cell == ms.organization && out.back().to == from &&
            out.back().standing == standing) {
            out.back().to = to;
            return;
        }
        out.push_back({ms.member, ms.organization, from, to, standing});
    };
    for (const Membership& ms : memberships) {
        // The status segments [since_i, since_i+1) clipped to the membership…
        for (std::size_t i = 0; i < history.size(); ++i) {
            if (!OnRoll(history[i].status)) continue;
            base::Date from = std::max(ms.start_date, history[i].since);
            std::optional<base::Date> to = ms.end_date;
            if (i + 1 < history.size() && (!to || history[i + 1].since < *to)) to = history[i + 1].since;
            if (to && *to <= from) continue;
            // …cut where letters begin and end: a letter runs over [letter.from, letter.to + 1).
            for (const TransferLetter& l : letters) {
                const base::Date l_end = l.to.AddDays(1);
                if (l_end <= from || (to && *to <= l.from)) continue;
                add(ms, from, std::max(from, l.from), StandingOf(history[i].status, false));
                const base::Date cut = to ? std::min(*to, l_end) : l_end;
                add(ms, std::max(from, l.from), cut, StandingOf(history[i].status, true));
                from = cut;
            }
            add(ms, from, to, StandingOf(history[i].status, false));
        }
    }
    return out;
}

base::Result<void> ValidateLetter(const TransferLetter& l) {
    if (l.number.empty()) return Invalid("Vui lòng nhập số giấy giới thiệu.", "number");
    if (base::Utf8Length(l.number) > 50) return Invalid("Số giấy giới thiệu dài quá 50 ký tự.", "number");
    if (l.host.empty()) return Invalid("Vui lòng nhập nơi đến sinh hoạt tạm thời.", "host");
    if (base::Utf8Length(l.host) > 200) return Invalid("Nơi đến sinh hoạt tạm thời dài quá 200 ký tự.", "host");
    if (l.to < l.from) return Invalid("Ngày hết hạn không được trước ngày bắt đầu.", "to");
    if (base::Utf8Length(l.note) > 500) return Invalid("Ghi chú dài quá 500 ký tự.", "note");
    return {};
}

const TransferLetter* OverlappingLetter(const std::vector<TransferLetter>& letters, const TransferLetter& letter) {
    for (const TransferLetter& other : letters)
        if (other.id != letter.id && other.from <= letter.to && letter.from <= other.to) return &other;
    return nullptr;
}

std::string LetterReason(const TransferLetter& l) {
    return "Giấy giới thiệu số " + l.number + ", sinh hoạt tạm thời tại " + l.host + ", đến " + l.to.ToVietnamese();
}

bool OnRoll(MemberStatus status) {
    return status != MemberStatus::kTransferredOut && status != MemberStatus::kRemoved &&
           status != MemberStatus::kDeceased;
}

std::optional<std::string> NormalizePhone(std::string_view phone) {
    std::string digits;
    bool plus = false;
    for (std::size_t i = 0; i < phone.size(); ++i) {
        const char c = phone[i];
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
        } else if (c == '+' && i == 0) {
            plus = true;
        } else if (c != ' ' && c != '.' && c != '-') {
            return std::nullopt;
        }
    }
    if (digits.size() == 11 && digits.starts_with("84")) {
        digits = "0" + digits.substr(2);
    } else if (plus) {
        return std::nullopt;
    }
    if (digits.size() != 10 || digits[0] != '0' || digits[1] == '0') return std::nullopt;
    return digits;
}

base::Result<void> ValidateMember(const Member& m, base::Date today) {
    if (m.full_name.empty()) return Invalid("Vui lòng nhập họ và tên.", "full_name");
    if (base::Utf8Length(m.full_name) > 100) return Invalid("Họ và tên dài quá 100 ký tự.", "full_name");
    if (m.full_name.find(' ') == std::string::npos)
        return Invalid("Vui lòng nhập đầy đủ họ và tên (ít nhất hai từ).", "full_name");
    if (std::any_of(m.full_name.begin(), m.full_name.end(),
                    [](char c) { return (c >= '0' && c <= '9') || c == '@' || c == '<' || c == '>'; }))
        return Invalid("Họ và tên không được chứa chữ số hay ký tự đặc biệt.", "full_name");

    if (m.date_of_birth > today) return Invalid("Ngày sinh không được ở tương lai.", "date_of_birth");
    if (base::YearsBetween(m.date_of_birth, today) > 120) return Invalid("Ngày sinh không hợp lệ.", "date_of_birth");
    if (base::YearsBetween(m.date_of_birth, today) < 18) return Invalid("Đảng viên phải đủ 18 tuổi.", "date_of_birth");

    if (m.status == MemberStatus::kProbationary && !m.admission_date)
        return Invalid("Đảng viên dự bị phải có ngày vào Đảng.", "admission_date");
    if (m.admission_date) {
        if (*m.admission_date > today) return Invalid("Ngày vào Đảng không được ở tương lai.", "admission_date");
        if (base::YearsBetween(m.date_of_birth, *m.admission_date) < 18)
            return Invalid("Ngày vào Đảng phải khi đã đủ 18 tuổi.", "admission_date");
    }
    if (m.official_date) {
        if (*m.official_date > today) return Invalid("Ngày chính thức không được ở tương lai.", "official_date");
        if (!m.admission_date) return Invalid("Cần nhập ngày vào Đảng trước ngày chính thức.", "admission_date");
        if (*m.official_date < *m.admission_date)
            return Invalid("Ngày chính thức phải sau ngày vào Đảng.", "official_date");
        if (m.status == MemberStatus::kProbationary)
            return Invalid("Đảng viên dự bị chưa có ngày chính thức.", "official_date");
    }

    if (!m.party_card_number.empty() && (m.party_card_number.size() != 12 || !AllDigits(m.party_card_number)))
        return Invalid("Số thẻ đảng viên phải gồm đúng 12 chữ số.", "party_card_number");
    if (!m.citizen_id.empty() && (m.citizen_id.size() != 12 || !AllDigits(m.citizen_id)))
        return Invalid("Số căn cước công dân phải gồm đúng 12 chữ số.", "citizen_id");
    if (!m.phone.empty() && !NormalizePhone(m.phone))
        return Invalid("Số điện thoại phải có 10 chữ số, bắt đầu bằng 0 (hoặc +84).", "phone");
    if (base::Utf8Length(m.address) > 300) return Invalid("Địa chỉ dài quá 300 ký tự.", "address");
    if (base::Utf8Length(m.note) > 2000) return Invalid("Ghi chú dài quá 2000 ký tự.", "note");
    return {};
}

std::string_view ToCode(MemberStatus status) {
    for (const auto& [s, code] : kStatusCodes)
        if (s == status) return code;
    return "";
}

std::optional<MemberStatus> MemberStatusFromCode(std::string_view code) {
    for (const auto& [s, c] : kStatusCodes)
        if (c == code) return s;
    return std::nullopt;
}

std::string_view Label(MemberStatus status) {
    switch (status) {
        case MemberStatus::kOfficial:
            return "Chính thức";
        case MemberStatus::kProbationary:
            return "Dự bị";
        case MemberStatus::kExempt:
            return "Miễn sinh hoạt";
        case MemberStatus::kTemporary:
            return "Sinh hoạt tạm thời";
        case MemberStatus::kWorkingAway:
            return "Làm ăn xa";
        case MemberStatus::kTransferredOut:
            return "Đã chuyển sinh hoạt";
        case MemberStatus::kRemoved:
            return "Đã xóa tên";
        case MemberStatus::kDeceased:
            return "Đã từ trần";
    }
    return "";
}

std::string_view ToCode(Sex sex) {
    return sex == Sex::kMale ? "male" : "female";
}

std::optional<Sex> SexFromCode(std::string_view code) {
    if (code == "male") return Sex::kMale;
    if (code == "female") return Sex::kFemale;
    return std::nullopt;
}

}  // namespace chibo::domain

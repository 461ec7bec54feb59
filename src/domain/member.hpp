#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/ids.hpp"

namespace chibo::domain {

// A member's standing on the roll of their cell. The first five are "on the roll"; the last three
// are kept for history only.
enum class MemberStatus {
    kOfficial,        // chính thức
    kProbationary,    // dự bị: 12 months from admission, then confirmed by the cell
    kExempt,          // miễn công tác và sinh hoạt đảng: not expected at meetings
    kTemporary,       // sinh hoạt tạm thời: attends this cell with a temporary transfer letter
    kWorkingAway,     // làm ăn xa: expected at the home cell unless a transfer letter runs
    kTransferredOut,  // đã chuyển sinh hoạt đi
    kRemoved,         // xóa tên / khai trừ
    kDeceased,        // từ trần
};

enum class Sex { kMale, kFemale };

struct Member {
    MemberId id;
    OrganizationId organization;  // The cell whose roll the member is on.
    std::optional<OrganizationId> party_group;
    std::string full_name;
    Sex sex = Sex::kMale;
    base::Date date_of_birth;
    MemberStatus status = MemberStatus::kOfficial;
    std::optional<base::Date> admission_date;  // Ngày vào Đảng.
    std::optional<base::Date> official_date;   // Ngày chính thức.
    std::string party_card_number;             // 12 digits, or empty while not yet issued.
    std::string citizen_id;                    // CCCD, 12 digits, or empty.
    std::string phone;
    std::string address;
    std::string note;
};

// One stay of a member on a cell's roll: [start_date, end_date).
struct Membership {
    MembershipId id;
    MemberId member;
    OrganizationId organization;
    base::Date start_date;
    std::optional<base::Date> end_date;
    std::string reason;  // Why it began: "Kết nạp", "Chuyển đến", "Sáp nhập chi bộ"…
};

// A member's status from a day on: their standing's history is one entry per change, and the status on
// a day is that of the latest change on or before it (none before the first: not yet on any roll).
struct StatusChange {
    MemberId member;
    base::Date since;
    MemberStatus status = MemberStatus::kOfficial;
};

// `history` sorted by `since`.
std::optional<MemberStatus> StatusOn(const std::vector<StatusChange>& history, base::Date day);

// A temporary transfer letter (giấy giới thiệu sinh hoạt đảng tạm thời): from `from` to `to`, both days
// included, the member attends `host` and their home cell does not expect them at its meetings (its
// minutes count them as "giới thiệu sinh hoạt tạm thời đi nơi khác"). A member's letters never overlap.
struct TransferLetter {
    TransferLetterId id;
    MemberId member;
    OrganizationId organization;  // The home cell that issued it: the member's cell when it was recorded.
    std::string number;           // "15-GGT/ĐU".
    std::string host;             // The host organisation, as the letter names it.
    base::Date from;
    base::Date to;
    std::string note;

    bool Runs(base::Date day) const { return from <= day && day <= to; }
};

// Checks the fields a user enters (number, host, dates, note), already trimmed. Errors name the field.
base::Result<void> ValidateLetter(const TransferLetter& letter);
// Another of `letters` whose days meet `letter`'s (ignoring the one with its id), or null.
const TransferLetter* OverlappingLetter(const std::vector<TransferLetter>& letters, const TransferLetter& letter);
// "Giấy giới thiệu số 15-GGT/ĐU, sinh hoạt tạm thời tại Chi bộ Khu phố 3, đến 31/12/2026": why the member is
// not at the home cell's meeting, as the roll call and the minutes write it.
std::string LetterReason(const TransferLetter& letter);

// How a member stands toward their cell's meetings on a day.
enum class Standing : std::uint8_t {
    kExpected,           // Official or probationary.
    kAwayWithoutLetter,  // Working away without a letter: expected all the same, an absence needs a reason.
    kAwayWithLetter,     // A temporary transfer letter runs: attends the host, not expected here.
    kNotExpected,        // Exempt, or attending this cell temporarily (their home cell expects them).
};
Standing StandingOf(MemberStatus status, bool letter_runs);
// Expected at the meetings: official, probationary, or working away without a letter.
bool Expected(Standing standing);
// Away from the cell: working away, or with a running letter.
bool Away(Standing standing);

// A stretch of days [from, to) a member was on a cell's roll with the same standing. `to` unset: still.
struct RollStay {
    MemberId member;
    OrganizationId cell;
    base::Date from;
    std::optional<base::Date> to;
    Standing standing = Standing::kExpected;
};

// The stays of one member, from their memberships, their status history and their letters (each sorted
// by date).
std::vector<RollStay> RollStaysOf(const std::vector<Membership>& memberships, const std::vector<StatusChange>& history,
                                  const std::vector<TransferLetter>& letters = {});

bool OnRoll(MemberStatus status);

// Checks every field a user enters, on `today`. Errors name the field at fault.
base::Result<void> ValidateMember(const Member& member, base::Date today);

// Accepts "0912345678", "+84912345678", "84912345678" with optional spaces, dots and dashes, and
// returns the canonical "0912345678". Returns nullopt for anything else.
std::optional<std::string> NormalizePhone(std::string_view phone);

std::string_view ToCode(MemberStatus status);
std::optional<MemberStatus> MemberStatusFromCode(std::string_view code);
std::string_view Label(MemberStatus status);
std::string_view ToCode(Sex sex);
std::optional<Sex> SexFromCode(std::string_view code);

}  // namespace chibo::domain

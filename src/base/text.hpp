#pragma once

#include <string>
#include <string_view>

namespace chibo::base {

// Trims, collapses runs of white space to one space and normalizes to NFC. Invalid UTF-8 yields "".
std::string NormalizeSpaces(std::string_view text);

// True when `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// Folds Vietnamese text for searching: strips diacritics (Đ/đ too), lower-cases, collapses spaces.
// "Đặng Văn Hùng" -> "dang van hung".
std::string FoldForSearch(std::string_view text);

// The given name: the last word of a Vietnamese full name ("Đặng Văn Hùng" -> "Hùng").
std::string GivenName(std::string_view full_name);

// A key whose byte order (memcmp, SQL "C"/BINARY collation) is the Vietnamese ICU collation order of
// `text`: Anh < Ánh < Bình < Dương < Đặng. Hex-encoded so it fits any text column.
std::string CollationKey(std::string_view text);

// The order of member lists: by given name, then by full name, Vietnamese collation.
std::string NameSortKey(std::string_view full_name);

// Number of Unicode code points in well-formed UTF-8.
std::size_t Utf8Length(std::string_view text);

// Upper case with Vietnamese rules ("Chi bộ Thôn Đông" -> "CHI BỘ THÔN ĐÔNG"), for document headers.
std::string UpperCase(std::string_view text);

}  // namespace chibo::base

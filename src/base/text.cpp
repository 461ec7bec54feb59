#include "base/text.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace chibo::base {
namespace {

// ICU objects are expensive to create and not thread-safe to share mutably: one per thread.
icu::Transliterator& Folder() {
    thread_local std::unique_ptr<icu::Transliterator> folder = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !t) std::abort();
        return t;
    }();
    // The analyzer loses track of thread_local initialisation and reports a use after free.
    return *folder;  // NOLINT(clang-analyzer-cplusplus.NewDelete)
}

icu::Collator& VietnameseCollator() {
    thread_local std::unique_ptr<icu::Collator> collator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
        if (U_FAILURE(status) || !c) std::abort();
        return c;
    }();
    return *collator;  // NOLINT(clang-analyzer-cplusplus.NewDelete): as above.
}

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string CollapseAsciiSpaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (IsSpace(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
    }
    return out;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + n >= text.size()) return false;
        for (std::size_t k = 1; k <= n; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

std::string NormalizeSpaces(std::string_view text) {
    if (!IsValidUtf8(text)) return {};
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return {};
    icu::UnicodeString normalized = nfc->normalize(icu::UnicodeString::fromUTF8(CollapseAsciiSpaces(text)), status);
    if (U_FAILURE(status)) return {};
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

std::string FoldForSearch(std::string_view text) {
    if (!IsValidUtf8(text)) return {};
    icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    Folder().transliterate(s);
    std::string out;
    s.toUTF8String(out);
    return CollapseAsciiSpaces(out);
}

std::string GivenName(std::string_view full_name) {
    const std::string normalized = CollapseAsciiSpaces(full_name);
    const auto pos = normalized.rfind(' ');
    return pos == std::string::npos ? normalized : normalized.substr(pos + 1);
}

std::string CollationKey(std::string_view text) {
    if (!IsValidUtf8(text)) return "00";
    const icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    std::vector<uint8_t> key(64);
    int32_t n = VietnameseCollator().getSortKey(s, key.data(), static_cast<int32_t>(key.size()));
    if (n > static_cast<int32_t>(key.size())) {
        key.resize(static_cast<std::size_t>(n));
        n = VietnameseCollator().getSortKey(s, key.data(), n);
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(static_cast<std::size_t>(n) * 2);
    for (int32_t i = 0; i < n; ++i) {
        out.push_back(kHex[key[static_cast<std::size_t>(i)] >> 4]);
        out.push_back(kHex[key[static_cast<std::size_t>(i)] & 0x0F]);
    }
    return out;
}

std::string NameSortKey(std::string_view full_name) {
    // ICU sort keys end with a 00 byte and contain no other 00, so no key is a prefix of another and the
    // concatenation orders by the first key, then the second.
    return CollationKey(GivenName(full_name)) + CollationKey(full_name);
}

std::size_t Utf8Length(std::string_view text) {
    std::size_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string UpperCase(std::string_view text) {
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    u.toUpper(icu::Locale("vi"));
    std::string out;
    u.toUTF8String(out);
    return out;
}

}  // namespace chibo::base

#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace chibo::base {

// The few ways an operation can fail that callers are expected to handle. The HTTP layer maps each
// code to exactly one status (http/error_status.cpp).
enum class ErrorCode {
    kInvalidArgument,
    kUnauthenticated,
    kPermissionDenied,
    kNotFound,
    kConflict,
    kTooManyRequests,
    kUnavailable,
    kInternal,
};

// An expected failure: a code, a message for the user (Vietnamese), and the input field at fault
// when there is one (empty otherwise).
struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string message;
    std::string field;
};

inline Error MakeError(ErrorCode code, std::string message, std::string field = {}) {
    return Error{code, std::move(message), std::move(field)};
}

// A value or an Error. Member names follow std::expected so that moving to C++23 is a rename.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool has_value() const { return state_.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & {
        assert(has_value());
        return std::get<0>(state_);
    }
    const T& value() const& {
        assert(has_value());
        return std::get<0>(state_);
    }
    T&& value() && {
        assert(has_value());
        return std::get<0>(std::move(state_));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const {
        assert(!has_value());
        return std::get<1>(state_);
    }

private:
    std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT(google-explicit-constructor)

    bool has_value() const { return !failed_; }
    explicit operator bool() const { return has_value(); }
    const Error& error() const {
        assert(failed_);
        return error_;
    }

private:
    Error error_;
    bool failed_ = false;
};

}  // namespace chibo::base

#define CHIBO_CONCAT_INNER(a, b) a##b
#define CHIBO_CONCAT(a, b) CHIBO_CONCAT_INNER(a, b)

// Returns the error of `expr` (a Result) from the enclosing function when it failed.
#define CHIBO_TRY(expr)                                         \
    do {                                                        \
        auto&& chibo_try_result = (expr);                       \
        if (!chibo_try_result) return chibo_try_result.error(); \
    } while (false)

// Declares `lhs` from the value of `expr` (a Result), or returns its error. `lhs` is a declaration,
// so it cannot be parenthesized.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define CHIBO_TRY_ASSIGN(lhs, expr)                                                             \
    auto CHIBO_CONCAT(chibo_try_, __LINE__) = (expr);                                           \
    if (!CHIBO_CONCAT(chibo_try_, __LINE__)) return CHIBO_CONCAT(chibo_try_, __LINE__).error(); \
    lhs = std::move(CHIBO_CONCAT(chibo_try_, __LINE__)).value()
// NOLINTEND(bugprone-macro-parentheses)

#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace tc {

// An error a caller can show: a stable machine-readable key (a catalog code, a config key, …)
// and a sentence for people.
struct Error
{
    QString key;
    QString message;
};

// The outcome of a fallible call: either a value or an error (std::expected arrives with C++23).
template<typename T, typename E = Error>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) { }
    Result(E error) : m_state(std::move(error)) { }

    bool hasValue() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return hasValue(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    T *operator->() { return &value(); }

    const E &error() const { return std::get<E>(m_state); }

private:
    std::variant<T, E> m_state;
};

// For calls that return nothing but can fail.
struct Success
{
};
using Status = Result<Success>;

} // namespace tc

// The JSON side of FHIR for core/fhir: objects that keep their keys in the order written, decimals written
// exactly as given, FHIR's date, dateTime and instant formats, and small readers that never throw.
// Internal to core/fhir.
#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace practica::core::fhir {

// A FHIR decimal as its text: "5.40" is written 5.40 (FHIR keeps a decimal's precision), never 5.4.
struct Decimal
{
    std::string text;
};

using Object = Poco::JSON::Object::Ptr;
using Array = Poco::JSON::Array::Ptr;

Object object();
Array array();

// Readers: nullptr or nullopt when the key is absent or holds another JSON type.
Object objectAt(const Object& o, const std::string& key);
Array arrayAt(const Object& o, const std::string& key);
Object objectIn(const Array& a, std::size_t index);
std::optional<std::string> textAt(const Object& o, const std::string& key);
std::optional<double> numberAt(const Object& o, const std::string& key);
std::optional<bool> flagAt(const Object& o, const std::string& key);

// Writers for the common data types.
Object coding(const std::string& system, const std::string& code, const std::string& display = {});
Object codeable(Object codingOrNull, const std::optional<std::string>& text);
Object conceptText(const std::string& text);
Object referenceTo(const std::string& target, const std::optional<std::string>& display = {});
// {"text": ...} in an array, for annotations (note) and manifestations.
Array textList(const std::string& text);

// A JSON number's text for a value read from JSON (shortest form that reads back the same: 40.138, 72).
std::string numberText(double value);
// Whether text is a plain decimal number ("-1", "5.40", "0.5"), the form FHIR decimals take.
bool isDecimalText(std::string_view text);

// A UTC instant as FHIR writes it: 2025-11-21T15:04:05Z, with .sss when the milliseconds are not zero.
std::string instantText(std::int64_t unixMs);

// A FHIR date or dateTime: the calendar date as written (YYYY-MM-DD; absent for "2020" or "2020-03") and the
// instant (UTC ms; a date alone counts from UTC midnight).
struct DateTime
{
    std::optional<std::string> date;
    std::int64_t utcMs = 0;
    bool hasTime = false;
};
// nullopt when the text is not a FHIR date or dateTime.
std::optional<DateTime> parseDateTime(std::string_view text);

} // namespace practica::core::fhir

namespace Poco::Dynamic {

// Lets a Decimal travel in a Poco JSON object: the stringifier writes its text as it is.
template <> class VarHolderImpl<practica::core::fhir::Decimal> : public VarHolder
{
public:
    explicit VarHolderImpl(const practica::core::fhir::Decimal& value) : m_value(value) {}
    const std::type_info& type() const override { return typeid(practica::core::fhir::Decimal); }
    void convert(std::string& text) const override { text = m_value.text; }
    VarHolder* clone(Placeholder<VarHolder>* holder = nullptr) const override { return cloneHolder(holder, m_value); }
    const practica::core::fhir::Decimal& value() const { return m_value; }

private:
    practica::core::fhir::Decimal m_value;
};

} // namespace Poco::Dynamic

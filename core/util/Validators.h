// Field rules shared by the stores: dates, US addresses, phones, e-mail, NPI, tax id, time zones.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace practica::core {

// ISO-8601 calendar date YYYY-MM-DD that exists (leap years included).
bool isIsoDate(std::string_view text);
// YYYY-MM-DDTHH:MM:SSZ that exists (a UTC time as records store it).
bool isUtcTimestamp(std::string_view text);
// The UTC time of a Unix time in ms, as YYYY-MM-DDTHH:MM:SSZ.
std::string utcTimestamp(std::int64_t unixMs);
// Today's date in UTC for a Unix time in ms, as YYYY-MM-DD.
std::string isoDateUtc(std::int64_t unixMs);
// Today's date in an IANA time zone; falls back to UTC for an unknown zone.
std::string isoDateIn(std::int64_t unixMs, const std::string& timeZone);
// Accepts YYYY-MM-DD, MM/DD/YYYY and M/D/YYYY; returns the ISO form.
std::optional<std::string> parseDate(std::string_view text);
// Two-letter USPS codes for the states, DC and the territories.
bool isUsState(std::string_view code);
// 12345 or 12345-6789.
bool isZip(std::string_view zip);
// A North American number: 10 digits (optionally a leading 1), area code and exchange not starting with 0 or 1.
// Returns the 10 digits.
std::optional<std::string> normalizePhone(std::string_view text);
// "(555) 123-4567" from 10 digits.
std::string formatPhone(std::string_view digits);
bool isEmail(std::string_view text);
// The Luhn (mod 10) check digit to append to a string of digits.
char luhnCheckDigit(std::string_view digits);
// 10 digits whose Luhn check digit (with the 80840 prefix, as CMS specifies) is right.
bool isNpi(std::string_view npi);
// An EIN: 9 digits, with or without the dash after the second.
bool isTaxId(std::string_view taxId);
bool isTimeZone(const std::string& name);
// A colour as #rrggbb.
bool isColor(std::string_view text);
// An SSH host key's SHA-256 fingerprint as ssh-keygen -l prints it: "SHA256:" and 43 base64 characters.
bool isSshHostKey(std::string_view text);
// An absolute path on a file server (SFTP): "/" first, printable ASCII, no quote or backslash, no "..".
bool isRemotePath(std::string_view text);
// A user name: 2 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter.
bool isUserName(std::string_view text);

} // namespace practica::core

// Reading comma-separated text as RFC 4180 writes it: quoted fields may hold commas, line breaks and doubled quotes.
#pragma once

#include "core/Error.h"

#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

using CsvRow = std::vector<std::string>;

// Every row of the text, the header included. Lines end in \n or \r\n; a last line without its end is a row; blank
// lines are skipped. A quote left open or text after a closing quote is a Validation error (Rule::Format, format
// "csv") with the line it starts on.
Result<std::vector<CsvRow>> parseCsv(std::string_view text);

} // namespace practica::core

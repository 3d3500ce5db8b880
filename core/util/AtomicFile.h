// Writes files the user keeps so that a crash leaves either the old or the new content, never a mix.
#pragma once

#include "core/Error.h"

#include <string>
#include <string_view>

namespace practica::core {

// Writes to a temporary file beside the target, fsyncs it, renames it over the target and fsyncs the folder.
Status writeFileAtomically(const std::string& path, std::string_view content);

} // namespace practica::core

// The CLI's English sentence for a change the server refused, made from the refusal's code and
// params; the server's own words only when an older server sent no params.
#pragma once

#include "core/sync/Replica.h"

#include <string>

namespace practica::app {

std::string conflictSentence(const core::SyncConflict& conflict);

} // namespace practica::app

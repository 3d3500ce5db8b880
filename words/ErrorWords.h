// The command lines' English: one plain sentence for a typed error from core or sync, for practica-cli
// and practica-server (the GUI has its own, translated). Core and sync never make sentences.
#pragma once

#include "core/Error.h"

#include <string>

namespace practica::words {

std::string errorSentence(const core::Error& error);

} // namespace practica::words
